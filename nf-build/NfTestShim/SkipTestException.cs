using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown by <see cref="Assert.SkipTest"/>.</summary>
    public sealed class SkipTestException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">Why the test is skipped.</param>
        public SkipTestException(string? message)
            : base(message)
        {
        }
    }
}
