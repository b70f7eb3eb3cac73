using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Test output.</summary>
    public static class OutputHelper
    {
        /// <summary>Writes a line to the test output.</summary>
        /// <param name="message">The line.</param>
        public static void WriteLine(string message)
        {
            Console.WriteLine(message);
        }
    }
}
