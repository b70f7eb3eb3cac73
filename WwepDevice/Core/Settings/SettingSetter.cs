namespace WwepDevice.Core.Settings
{
    /// <summary>Stores one parsed value of the settings file into the settings.</summary>
    /// <param name="settings">The settings to change.</param>
    /// <param name="text">The value as written (trimmed): what a <see cref="SettingKind.Text"/> key stores.</param>
    /// <param name="number">The parsed value of the other kinds: the integer, 1/0 for true/false, or the <see cref="LinkMode"/>.</param>
    public delegate void SettingSetter(WwepSettings settings, string text, int number);
}
