using WwepDevice.Core.Press;

namespace WwepDevice.Tests.Fakes
{
    /// <summary>An LED that keeps every state it was set to, as a string of 1 (on) and 0 (off).</summary>
    public sealed class RecordingLed : ILed
    {
        /// <summary>Every write so far, oldest first.</summary>
        public string Trace { get; private set; } = string.Empty;

        /// <summary>The last state set.</summary>
        public bool On { get; private set; }

        /// <inheritdoc/>
        public void Set(bool on)
        {
            On = on;
            Trace += on ? "1" : "0";
        }

        /// <summary>Forgets the writes so far.</summary>
        public void Clear()
        {
            Trace = string.Empty;
        }
    }
}
