namespace WwepDevice.Tests
{
    /// <summary>
    /// One row of the device's table of log lines (WwepDevice/README.md) and the lines the core printed when it was
    /// driven into that row's situation.
    /// </summary>
    public sealed class LogLineScenario
    {
        /// <summary>Records a scenario.</summary>
        /// <param name="pattern">The row's "line starts with" cell, exactly as the table writes it (without backticks).</param>
        /// <param name="lines">Every line the core wrote in the scenario.</param>
        public LogLineScenario(string pattern, string[] lines)
        {
            Pattern = pattern;
            Lines = lines;
        }

        /// <summary>The row's pattern: literal text, <c>...</c> standing for anything.</summary>
        public string Pattern { get; private set; }

        /// <summary>The lines printed.</summary>
        public string[] Lines { get; private set; }
    }
}
