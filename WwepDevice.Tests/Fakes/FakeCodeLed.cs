using WwepDevice.Core.Press;

namespace WwepDevice.Tests.Fakes
{
    /// <summary>An LED that shows a blink code in one step, like the simulator's console LED.</summary>
    public sealed class FakeCodeLed : ILed, IBlinkCodeLed
    {
        /// <summary>How many times the state was set.</summary>
        public int StateWrites { get; private set; }

        /// <summary>How many codes were shown.</summary>
        public int CodesShown { get; private set; }

        /// <summary>The last code shown as the simulator prints it.</summary>
        public string LastCodeLine { get; private set; } = string.Empty;

        /// <inheritdoc/>
        public void Set(bool on)
        {
            StateWrites++;
        }

        /// <inheritdoc/>
        public void ShowCode(int code, string failureClass)
        {
            CodesShown++;
            LastCodeLine = "LED blink " + code.ToString() + ": " + failureClass;
        }
    }
}
