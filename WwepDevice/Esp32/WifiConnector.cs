using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;
using WwepDevice.Core.Network;
using WwepDevice.Core.Settings;

namespace WwepDevice.Esp32
{
    /// <summary>
    /// The board's side of the Wi-Fi link: the one helper call of the first join, the station's MAC and address, and
    /// the platform's availability and address events passed to the core's <see cref="WifiLink"/>, which decides everything.
    /// </summary>
    public sealed class WifiConnector
    {
        private readonly WwepSettings _settings;
        private WifiLink _link;

        /// <summary>Creates the connector.</summary>
        /// <param name="settings">Wi-Fi credentials (empty SSID: the ones stored on the board).</param>
        public WifiConnector(WwepSettings settings)
        {
            _settings = settings;
        }

        /// <summary>Starts the thread that runs <paramref name="link"/> and feeds it the availability events.</summary>
        /// <param name="link">The core's link logic, built with <see cref="Join"/>.</param>
        public void Start(WifiLink link)
        {
            _link = link;
            NetworkChange.NetworkAvailabilityChanged += OnAvailabilityChanged;

            // On ESP32 the address arrives only with this event (IP_EVENT_STA_GOT_IP), after availability(true).
            NetworkChange.NetworkAddressChanged += OnAddressChanged;
            new Thread(link.Run).Start();
        }

        /// <summary>The Wi-Fi station MAC address (6 bytes), or null if there is no Wi-Fi interface.</summary>
        /// <returns>The MAC.</returns>
        public static byte[] StationMac()
        {
            NetworkInterface station = Station();
            return station == null ? null : station.PhysicalAddress;
        }

        /// <summary>The station's IPv4 address now ("0.0.0.0" without one, empty without an interface).</summary>
        /// <returns>The address.</returns>
        public static string StationAddress()
        {
            NetworkInterface station = Station();
            return station == null ? string.Empty : station.IPv4Address;
        }

        /// <summary>One helper call, as <see cref="WifiJoin"/>: no date required, the clock is the core's business.</summary>
        /// <param name="withSettingsCredentials">ConnectDhcp with the settings' credentials, else Reconnect with the stored ones.</param>
        /// <param name="timeoutMilliseconds">How long the helper may take.</param>
        /// <returns>What the helper reported.</returns>
        public WifiJoinResult Join(bool withSettingsCredentials, int timeoutMilliseconds)
        {
            // The helper keeps state between calls; start each call clean (System.Device.Wifi PR #351).
            WifiNetworkHelper.Reset();
            CancellationTokenSource timeout = new CancellationTokenSource(timeoutMilliseconds);
            bool returned;
            string error = string.Empty;
            try
            {
                returned = withSettingsCredentials
                    ? WifiNetworkHelper.ConnectDhcp(_settings.WifiSsid, _settings.WifiPassword, WifiReconnectionKind.Automatic, false, 0, timeout.Token)
                    : WifiNetworkHelper.Reconnect(false, 0, timeout.Token);
            }
            catch (Exception ex)
            {
                returned = false;
                error = ex.GetType().Name + ": " + ex.Message;
            }

            if (error.Length == 0 && WifiNetworkHelper.HelperException != null)
            {
                error = WifiNetworkHelper.HelperException.Message;
            }

            // Enum.ToString() gives the number on v1: hand over the number, the core names it.
            return new WifiJoinResult(returned, StationAddress(), (int)WifiNetworkHelper.Status, error);
        }

        private static NetworkInterface Station()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < interfaces.Length; i++)
            {
                if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                {
                    return interfaces[i];
                }
            }

            return null;
        }

        private void OnAddressChanged(object sender, EventArgs e)
        {
            _link.OnAddressChanged(StationAddress());
        }

        private void OnAvailabilityChanged(object sender, NetworkAvailabilityEventArgs e)
        {
            _link.OnAvailabilityChanged(e.IsAvailable, StationAddress());
        }
    }
}
