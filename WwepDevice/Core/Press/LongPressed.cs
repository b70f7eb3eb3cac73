namespace WwepDevice.Core.Press
{
    /// <summary>A button was held for <see cref="PressRecognizer.LongPressMilliseconds"/>: the board tells its whole state.</summary>
    public delegate void LongPressed();
}
