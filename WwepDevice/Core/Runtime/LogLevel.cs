namespace WwepDevice.Core.Runtime
{
    /// <summary>How much a log line matters.</summary>
    public enum LogLevel
    {
        /// <summary>Normal progress.</summary>
        Info = 0,

        /// <summary>Something failed but will be retried.</summary>
        Warning = 1,

        /// <summary>Something failed and needs a person.</summary>
        Error = 2,
    }
}
