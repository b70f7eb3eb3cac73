namespace WwepServer
{
    /// <summary>What the server says about one <see cref="FailureCause"/>: a short code, what happened, and the fix.</summary>
    public sealed class CauseDescription
    {
        /// <summary>Creates the description.</summary>
        /// <param name="code">Short, stable name for logs, JSON and searching (for example <c>untrusted-server</c>).</param>
        /// <param name="title">What happened, in words a student can follow.</param>
        /// <param name="fix">What to do, in the project's commands.</param>
        public CauseDescription(string code, string title, string fix)
        {
            Code = code;
            Title = title;
            Fix = fix;
        }

        /// <summary>Short, stable name, for example <c>untrusted-server</c>.</summary>
        public string Code { get; }

        /// <summary>What happened.</summary>
        public string Title { get; }

        /// <summary>What to do about it.</summary>
        public string Fix { get; }
    }
}
