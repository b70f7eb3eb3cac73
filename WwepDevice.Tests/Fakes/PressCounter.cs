namespace WwepDevice.Tests.Fakes
{
    /// <summary>Counts what a <see cref="Core.Press.PressRecognizer"/> reports.</summary>
    public sealed class PressCounter
    {
        /// <summary>Presses reported.</summary>
        public int Presses { get; private set; }

        /// <summary>Long presses reported.</summary>
        public int LongPresses { get; private set; }

        /// <summary>Whether the last press was the second button's.</summary>
        public bool LastWasSecond { get; private set; }

        /// <summary>A <see cref="Core.Press.ButtonPressed"/>.</summary>
        /// <param name="secondButton">Which button.</param>
        public void OnPressed(bool secondButton)
        {
            Presses++;
            LastWasSecond = secondButton;
        }

        /// <summary>A <see cref="Core.Press.LongPressed"/>.</summary>
        public void OnLongPressed()
        {
            LongPresses++;
        }
    }
}
