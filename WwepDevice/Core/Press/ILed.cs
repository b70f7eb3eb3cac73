namespace WwepDevice.Core.Press
{
    /// <summary>The LED, as the logic sees it.</summary>
    public interface ILed
    {
        /// <summary>Turns the LED on or off. Must be quick: it is called from the button's interrupt path.</summary>
        /// <param name="on">True for on.</param>
        void Set(bool on);
    }
}
