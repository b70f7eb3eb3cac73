namespace WwepDevice.Core.Runtime
{
    /// <summary>Where log lines go: the debug output on a board, the console in the simulator, a list in tests.</summary>
    public interface ILog
    {
        /// <summary>Writes one line.</summary>
        /// <param name="level">How much it matters.</param>
        /// <param name="line">One line a person can act on.</param>
        void Write(LogLevel level, string line);
    }
}
