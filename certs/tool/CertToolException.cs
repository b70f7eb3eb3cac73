using System;

namespace WwepCerts
{
    /// <summary>
    /// A problem the person running the tool can fix: its message is one line that names the cause and the fix,
    /// and the tool prints it without a stack trace.
    /// </summary>
    public sealed class CertToolException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">One line: what is wrong and what to do.</param>
        public CertToolException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with the error that caused it.</summary>
        /// <param name="message">One line: what is wrong and what to do.</param>
        /// <param name="inner">The underlying error.</param>
        public CertToolException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
