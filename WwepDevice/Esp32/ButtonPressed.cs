namespace WwepDevice.Esp32
{
    /// <summary>A debounced press of one of the device's buttons.</summary>
    /// <param name="secondButton">True for the second (TLS) button of the two-button mode.</param>
    public delegate void ButtonPressed(bool secondButton);
}
