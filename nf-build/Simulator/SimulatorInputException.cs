using System;

namespace WwepSimulator
{
    /// <summary>Bad input (an option, a file): the message is one line naming the cause and the fix.</summary>
    public sealed class SimulatorInputException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">One line naming the cause and the fix.</param>
        public SimulatorInputException(string message)
            : base(message)
        {
        }
    }
}
