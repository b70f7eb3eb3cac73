namespace WwepDevice.Core.Settings
{
    /// <summary>What happened when the board tried to read its settings file.</summary>
    public enum SettingsFileReadKind
    {
        /// <summary>There is no such file: normal, the compiled settings apply.</summary>
        Missing,

        /// <summary>The file was read; its bytes follow.</summary>
        Content,

        /// <summary>Reading threw; the exception type and message follow.</summary>
        Failed,
    }
}
