using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown when an assertion fails.</summary>
    public sealed class AssertFailedException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What failed.</param>
        public AssertFailedException(string message)
            : base(message)
        {
        }
    }
}
