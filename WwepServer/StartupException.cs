using System;

namespace WwepServer
{
    /// <summary>
    /// A reason the server cannot start that a person can fix. Its message is one line that names the cause and
    /// the fix; the program prints it without a stack trace.
    /// </summary>
    public sealed class StartupException : Exception
    {
        /// <summary>Creates the error.</summary>
        /// <param name="message">One line: what is wrong and what to do.</param>
        public StartupException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the error with the exception that revealed it.</summary>
        /// <param name="message">One line: what is wrong and what to do.</param>
        /// <param name="inner">The underlying failure.</param>
        public StartupException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
