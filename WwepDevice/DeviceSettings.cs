using WwepDevice.Core.Settings;

namespace WwepDevice
{
    /// <summary>
    /// The board's settings: the defaults of <see cref="WwepSettings"/>, then the changes of the developer's own,
    /// git-ignored LocalSettings.cs (copy LocalSettings.example.txt to start one). Wi-Fi passwords belong there
    /// or, better, on the board itself (nf-build/configure), never in a committed file.
    /// </summary>
    public static partial class DeviceSettings
    {
        /// <summary>The settings this firmware runs with.</summary>
        /// <returns>Defaults plus local changes.</returns>
        public static WwepSettings Create()
        {
            WwepSettings settings = new WwepSettings();
            ApplyLocal(settings);
            return settings;
        }

        // Implemented in LocalSettings.cs when a developer has one; without it the call compiles away.
        static partial void ApplyLocal(WwepSettings settings);
    }
}
