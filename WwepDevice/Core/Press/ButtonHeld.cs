namespace WwepDevice.Core.Press
{
    /// <summary>
    /// Reads the button's pin now: true while it is at the pressed level. The GPIO adapter only reads the pin; the
    /// press rules decide what the level means.
    /// </summary>
    /// <returns>True when the pin reads pressed.</returns>
    public delegate bool ButtonHeld();
}
