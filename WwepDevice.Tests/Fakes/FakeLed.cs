using WwepDevice.Core.Press;

namespace WwepDevice.Tests.Fakes
{
    /// <summary>An LED that remembers what it was told.</summary>
    public sealed class FakeLed : ILed
    {
        /// <summary>The last state set.</summary>
        public bool On { get; private set; }

        /// <summary>How many times the LED was set.</summary>
        public int Writes { get; private set; }

        /// <inheritdoc/>
        public void Set(bool on)
        {
            On = on;
            Writes++;
        }
    }
}
