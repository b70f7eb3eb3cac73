namespace WwepDevice.Core.Settings
{
    /// <summary>
    /// The keys the board's settings file may set: the settable properties of <see cref="WwepSettings"/>, except the
    /// Wi-Fi credentials. Those are stored by nanoff's network deployment (<c>nf-build/configure</c>) where the
    /// firmware never reads the password back, and a file that the boot log describes must never hold a password.
    /// To add a key: one line in <see cref="All"/>, and its sample in WwepDevice.Tests/SettingsFileTests.cs (Samples,
    /// checked against this table). nf-build/configure reads the key names from this file: <c>--set Key=value</c>
    /// writes a new key without any change to the scripts.
    /// </summary>
    public static class BoardSettingKeys
    {
        /// <summary>Every key, in the order the boot log lists them.</summary>
        public static readonly BoardSettingKey[] All =
        {
            new BoardSettingKey("ServerHost", SettingKind.Text, "wwep.local", (s, t, n) => s.ServerHost = t, s => s.ServerHost),
            new BoardSettingKey("ServerFallbackIp", SettingKind.Text, "192.168.1.20", (s, t, n) => s.ServerFallbackIp = t, s => s.ServerFallbackIp),
            new BoardSettingKey("TlsHostName", SettingKind.Text, "wwep.local", (s, t, n) => s.TlsHostName = t, s => s.TlsHostName),
            new BoardSettingKey("Mode", SettingKind.Mode, "tls", (s, t, n) => s.Mode = (LinkMode)n, s => ModeText(s.Mode)),
            new BoardSettingKey("UseClientCertificate", SettingKind.Boolean, "true", (s, t, n) => s.UseClientCertificate = n != 0, s => BooleanText(s.UseClientCertificate)),
            new BoardSettingKey("PlainPort", SettingKind.Integer, "27708", (s, t, n) => s.PlainPort = n, s => s.PlainPort.ToString()),
            new BoardSettingKey("TlsPort", SettingKind.Integer, "40508", (s, t, n) => s.TlsPort = n, s => s.TlsPort.ToString()),
            new BoardSettingKey("ButtonPin", SettingKind.Integer, "0", (s, t, n) => s.ButtonPin = n, s => s.ButtonPin.ToString()),
            new BoardSettingKey("SecondButtonPin", SettingKind.Integer, "4", (s, t, n) => s.SecondButtonPin = n, s => s.SecondButtonPin.ToString()),
            new BoardSettingKey("LedPin", SettingKind.Integer, "2", (s, t, n) => s.LedPin = n, s => s.LedPin.ToString()),
            new BoardSettingKey("DebounceMilliseconds", SettingKind.Integer, "50", (s, t, n) => s.DebounceMilliseconds = n, s => s.DebounceMilliseconds.ToString()),
            new BoardSettingKey("ConnectTimeoutMilliseconds", SettingKind.Integer, "5000", (s, t, n) => s.ConnectTimeoutMilliseconds = n, s => s.ConnectTimeoutMilliseconds.ToString()),
            new BoardSettingKey("ReplyTimeoutMilliseconds", SettingKind.Integer, "3000", (s, t, n) => s.ReplyTimeoutMilliseconds = n, s => s.ReplyTimeoutMilliseconds.ToString()),
            new BoardSettingKey("MaxAttempts", SettingKind.Integer, "5", (s, t, n) => s.MaxAttempts = n, s => s.MaxAttempts.ToString()),
            new BoardSettingKey("InitialBackoffMilliseconds", SettingKind.Integer, "500", (s, t, n) => s.InitialBackoffMilliseconds = n, s => s.InitialBackoffMilliseconds.ToString()),
            new BoardSettingKey("MaxBackoffMilliseconds", SettingKind.Integer, "15000", (s, t, n) => s.MaxBackoffMilliseconds = n, s => s.MaxBackoffMilliseconds.ToString()),
            new BoardSettingKey("TimeFromServer", SettingKind.Boolean, "true", (s, t, n) => s.TimeFromServer = n != 0, s => BooleanText(s.TimeFromServer)),
            new BoardSettingKey("SntpPort", SettingKind.Integer, "123", (s, t, n) => s.SntpPort = n, s => s.SntpPort.ToString()),
            new BoardSettingKey("InternetTimeWaitMilliseconds", SettingKind.Integer, "0", (s, t, n) => s.InternetTimeWaitMilliseconds = n, s => s.InternetTimeWaitMilliseconds.ToString()),
            new BoardSettingKey("LedAtBoot", SettingKind.LedAtBoot, "restore", (s, t, n) => s.LedAtBoot = (LedAtBoot)n, s => LedAtBootText(s.LedAtBoot)),
            new BoardSettingKey("BlinkCodes", SettingKind.Boolean, "false", (s, t, n) => s.BlinkCodes = n != 0, s => BooleanText(s.BlinkCodes)),
        };

        /// <summary>The key of that exact name, or null.</summary>
        /// <param name="name">The name as written.</param>
        /// <returns>The key, or null when there is none.</returns>
        public static BoardSettingKey Find(string name)
        {
            for (int i = 0; i < All.Length; i++)
            {
                if (All[i].Name == name)
                {
                    return All[i];
                }
            }

            return null;
        }

        /// <summary>A mode as the settings file writes it.</summary>
        /// <param name="mode">The mode.</param>
        /// <returns><c>plain</c>, <c>tls</c> or <c>two-button</c>.</returns>
        public static string ModeText(LinkMode mode)
        {
            // Enum.ToString() gives the number on nanoFramework v1, so the names are spelled out here.
            return mode == LinkMode.Plain ? "plain" : mode == LinkMode.Tls ? "tls" : "two-button";
        }

        /// <summary>A boot behaviour as the settings file writes it.</summary>
        /// <param name="atBoot">The behaviour.</param>
        /// <returns><c>off</c> or <c>restore</c>.</returns>
        public static string LedAtBootText(LedAtBoot atBoot)
        {
            return atBoot == LedAtBoot.Restore ? "restore" : "off";
        }

        /// <summary>A flag as the settings file writes it.</summary>
        /// <param name="value">The flag.</param>
        /// <returns><c>true</c> or <c>false</c>.</returns>
        public static string BooleanText(bool value)
        {
            // bool.ToString() is "True" on .NET and may differ on the board: the file's spelling is fixed here.
            return value ? "true" : "false";
        }
    }
}
