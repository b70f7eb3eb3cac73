namespace WwepServer
{
    /// <summary>How often one failure cause occurred.</summary>
    public sealed class CauseCount
    {
        /// <summary>Creates the count.</summary>
        /// <param name="cause">The cause.</param>
        /// <param name="count">How often.</param>
        public CauseCount(FailureCause cause, long count)
        {
            Cause = FailureCatalog.Describe(cause).Code;
            Title = FailureCatalog.Describe(cause).Title;
            Count = count;
        }

        /// <summary>The cause's code, for example <c>untrusted-server</c>.</summary>
        public string Cause { get; }

        /// <summary>What happened.</summary>
        public string Title { get; }

        /// <summary>How often.</summary>
        public long Count { get; }
    }
}
