using System.IO;
using WwepDevice.Core.Press;

namespace WwepSimulator
{
    /// <summary>
    /// The LED as a console line: "LED ON" or "LED OFF" each time the firmware sets it, and a blink code as one line,
    /// "LED blink 3: server unreachable", each time the firmware shows it (instead of each flash).
    /// </summary>
    public sealed class ConsoleLed : ILed, IBlinkCodeLed
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

        /// <inheritdoc/>
        public void ShowCode(int code, string failureClass)
        {
            _output.WriteLine("LED blink " + code.ToString() + ": " + failureClass);
        }
    }
}
