using System.IO;
using WwepDevice.Core;

namespace WwepSimulator
{
    /// <summary>The LED as a console line: "LED ON" or "LED OFF" each time the firmware sets it.</summary>
    public sealed class ConsoleLed : ILed
    {
        private readonly TextWriter _output;

        /// <summary>Creates the LED.</summary>
        /// <param name="output">Where the line goes.</param>
        public ConsoleLed(TextWriter output)
        {
            _output = output;
        }

        /// <inheritdoc/>
        public void Set(bool on)
        {
            _output.WriteLine(on ? "LED ON" : "LED OFF");
        }
    }
}
