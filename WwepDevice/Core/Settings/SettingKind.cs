namespace WwepDevice.Core.Settings
{
    /// <summary>How a value in the board's settings file is written, and so how it is parsed.</summary>
    public enum SettingKind
    {
        /// <summary>Any ASCII text (a host name, an address); may be empty.</summary>
        Text,

        /// <summary>A whole number, optionally negative (<c>-1</c>).</summary>
        Integer,

        /// <summary><c>true</c> or <c>false</c>.</summary>
        Boolean,

        /// <summary><c>plain</c>, <c>tls</c> or <c>two-button</c>, as <c>nf-build/configure --mode</c> takes them.</summary>
        Mode,

        /// <summary><c>off</c> or <c>restore</c> (<see cref="LedAtBoot"/>).</summary>
        LedAtBoot,
    }
}
