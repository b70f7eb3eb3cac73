using System;

namespace NfBuild.DeployCheck
{
    /// <summary>An input that is not what it should be (not a nanoFramework image, no device details): one line that says what.</summary>
    public sealed class ImageFormatException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">The one line for the user.</param>
        public ImageFormatException(string message)
            : base(message)
        {
        }
    }
}
