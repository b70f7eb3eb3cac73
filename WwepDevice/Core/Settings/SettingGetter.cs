namespace WwepDevice.Core.Settings
{
    /// <summary>Reads one setting back, written the way the settings file writes it (for the boot log).</summary>
    /// <param name="settings">The settings to read.</param>
    /// <returns>The value as file text, for example <c>27708</c>, <c>true</c> or <c>two-button</c>.</returns>
    public delegate string SettingGetter(WwepSettings settings);
}
