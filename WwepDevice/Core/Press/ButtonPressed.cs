namespace WwepDevice.Core.Press
{
    /// <summary>A press of one of the device's buttons, as the core's <see cref="PressRecognizer"/> decided it.</summary>
    /// <param name="secondButton">True for the second (TLS) button of the two-button mode.</param>
    public delegate void ButtonPressed(bool secondButton);
}
