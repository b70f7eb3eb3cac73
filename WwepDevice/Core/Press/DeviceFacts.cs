using WwepDevice.Core.Settings;

namespace WwepDevice.Core.Press
{
    /// <summary>
    /// What the platform says about the device itself, for the status block: fixed facts from boot and two probes the
    /// status calls when it is asked for.
    /// </summary>
    public sealed class DeviceFacts
    {
        /// <summary>Creates the facts.</summary>
        /// <param name="firmware">The firmware's build, for example "WwepDevice built 2026-11-29 21:59:05 UTC".</param>
        /// <param name="deviceId">The device ID.</param>
        /// <param name="mac">The Wi-Fi station MAC it comes from (6 bytes).</param>
        /// <param name="settingLines">Each non-default setting with its source (<see cref="BoardSettingsLoader.SettingLines"/>).</param>
        /// <param name="clockSetBefore">Where a clock that was already set came from, when the clock keeper did not set it.</param>
        /// <param name="stationAddress">The station's address now.</param>
        /// <param name="freeHeap">The free managed heap now.</param>
        public DeviceFacts(string firmware, int deviceId, byte[] mac, string[] settingLines, string clockSetBefore, AddressProbe stationAddress, HeapProbe freeHeap)
        {
            Firmware = firmware;
            DeviceId = deviceId;
            Mac = mac;
            SettingLines = settingLines;
            ClockSetBefore = clockSetBefore;
            StationAddress = stationAddress;
            FreeHeap = freeHeap;
        }

        /// <summary>The firmware's build.</summary>
        public string Firmware { get; private set; }

        /// <summary>The device ID.</summary>
        public int DeviceId { get; private set; }

        /// <summary>The Wi-Fi station MAC.</summary>
        public byte[] Mac { get; private set; }

        /// <summary>Each non-default setting with its source.</summary>
        public string[] SettingLines { get; private set; }

        /// <summary>Where a clock that was already set came from.</summary>
        public string ClockSetBefore { get; private set; }

        /// <summary>The station's address now.</summary>
        public AddressProbe StationAddress { get; private set; }

        /// <summary>The free managed heap now.</summary>
        public HeapProbe FreeHeap { get; private set; }
    }
}
