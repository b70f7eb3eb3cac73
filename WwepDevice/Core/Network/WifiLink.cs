using System.Threading;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;

namespace WwepDevice.Core.Network
{
    /// <summary>
    /// When the board counts as on the network, how it joins and rejoins, and what it says about it. The ESP32 adapter
    /// only makes the helper calls (<see cref="WifiJoin"/>), reads the station's address and passes on the platform's
    /// availability events.
    /// </summary>
    /// <remarks>
    /// Facts from the sources this encodes:
    /// <list type="bullet">
    /// <item>Up means an IP address, not a set clock: with <c>requiresDateTime</c> the helper waits for the year to
    /// reach 2021 (System.Net <c>NetworkHelper</c>), and on ESP32 SNTP only asks <c>0/1.pool.ntp.org</c>
    /// (nf-interpreter <c>targets/ESP32/_common/targetHAL_Network.cpp</c>), so on a classroom access point without
    /// internet the join would fail forever and plain mode could never send. The clock gates TLS only.</item>
    /// <item>Only the first join writes flash, and only with the settings' credentials: <c>ConnectDhcp</c> stores SSID
    /// and password with <c>SaveConfiguration()</c> (System.Device.Wifi v1.5.147 <c>WifiNetworkHelper.ScanAndConnect</c>).
    /// <c>Reconnect</c> writes nothing and sends no credentials: it only waits for an address. Its chain is
    /// <c>NetworkHelper.InternalWaitNetworkAvailable(..., setupEvents: false)</c> → <c>SetupHelper(false)</c> →
    /// <c>NetworkHelperInternal.InternalSetupHelper(nis, _workingNetworkInterface, ...)</c>, and that static is
    /// <c>Ethernet</c>, never assigned (System.Net v1.11.54 <c>NetworkHelper.cs</c> lines 26, 346); an ESP32 Wi-Fi board
    /// has no Ethernet interface, so nothing is touched. Calling the helper again would therefore do nothing: the
    /// board calls it once, at boot.</item>
    /// <item>The station rejoins by itself: once a connect was asked for, the ESP32 event handler calls
    /// <c>esp_wifi_connect()</c> again on every STA_DISCONNECTED (<c>NF_ESP32_IsToConnect</c>,
    /// <c>targetHAL_Network.cpp</c> and <c>targets/ESP32/_Network/NF_ESP32_Wireless.cpp</c>). After the first join
    /// the board only reads its own address, woken by either event that may bring it.</item>
    /// <item>Availability(true) comes at STA_CONNECTED, before DHCP; the address comes with IP_EVENT_STA_GOT_IP, which
    /// raises only NetworkAddressChanged (<c>targetHAL_Network.cpp</c>, <c>PostAvailabilityOn</c> and
    /// <c>PostAddressChanged</c>, at 3367392a and a3e8139a): both events wake the wait, whichever comes with an
    /// address.</item>
    /// <item>The ESP32 raises NetworkAvailabilityChanged(false) on every STA_DISCONNECTED, including the helper's own
    /// <c>Disconnect()</c> and each failed automatic reconnect (<c>targetHAL_Network.cpp</c>): a loss counts only when
    /// the station has no IP address any more.</item>
    /// </list>
    /// </remarks>
    public sealed class WifiLink
    {
        /// <summary>How long one join (association and DHCP) may take.</summary>
        public const int JoinTimeoutMilliseconds = 60000;

        /// <summary>How often the board reads its own address while it waits for the station to rejoin.</summary>
        public const int StationPollMilliseconds = 10000;

        private readonly object _sync = new object();
        private readonly WwepSettings _settings;
        private readonly WifiJoin _join;
        private readonly StationAddressReader _stationAddress;
        private readonly NetworkStateChanged _changed;
        private readonly IWaitSignal _wake;
        private readonly ILog _log;
        private bool _settingsCredentialsUsed;
        private bool _up;
        private bool _lossConfirmed;
        private int _ignoredDisconnects;
        private int _helperCalls;

        /// <summary>Creates the link.</summary>
        /// <param name="settings">Wi-Fi credentials (empty SSID: use the stored ones).</param>
        /// <param name="join">Makes one helper call.</param>
        /// <param name="stationAddress">Reads the station's IPv4 address (no flash, no radio).</param>
        /// <param name="changed">Told when the network comes up or goes down.</param>
        /// <param name="wake">Wakes the joining thread on a confirmed loss or a returned address; it also paces the polls.</param>
        /// <param name="log">Status lines.</param>
        public WifiLink(WwepSettings settings, WifiJoin join, StationAddressReader stationAddress, NetworkStateChanged changed, IWaitSignal wake, ILog log)
        {
            _settings = settings;
            _join = join;
            _stationAddress = stationAddress;
            _changed = changed;
            _wake = wake;
            _log = log;
        }

        /// <summary>Helper calls made since boot: one, the first join (the station rejoins by itself after it).</summary>
        public int HelperCalls
        {
            get { return _helperCalls; }
        }

        /// <summary>True while the station has an address.</summary>
        public bool IsUp
        {
            get
            {
                lock (_sync)
                {
                    return _up;
                }
            }
        }

        /// <summary>Availability-false events that were not losses (the station kept its address).</summary>
        public int IgnoredDisconnects
        {
            get
            {
                lock (_sync)
                {
                    return _ignoredDisconnects;
                }
            }
        }

        /// <summary>True when the address is an IPv4 address other than 0.0.0.0.</summary>
        /// <param name="ipAddress">The station's address as the platform reports it.</param>
        /// <returns>Whether the station has an address.</returns>
        public static bool HasAddress(string ipAddress)
        {
            return ipAddress != null && ipAddress != "0.0.0.0" && WwepSettings.IsIPv4(ipAddress);
        }

        /// <summary>The name of a <c>nanoFramework.Networking.NetworkHelperStatus</c> value (System.Net, NetworkHelperStatus.cs).</summary>
        /// <param name="status">The numeric value.</param>
        /// <returns>The name, or the number when unknown.</returns>
        public static string StatusName(int status)
        {
            switch (status)
            {
                case 0:
                    return "None";
                case 1:
                    return "Started";
                case 2:
                    return "NetworkIsReady";
                case 3:
                    return "FailedNoNetworkInterface";
                case 4:
                    return "TokenExpiredWaitingIPAddress";
                case 5:
                    return "TokenExpiredWaitingDateTime";
                case 6:
                    return "ErrorConnetingToWiFiWhileScanning";
                case 7:
                    return "ExceptionOccurred";
                case 8:
                    return "Reconnecting";
                default:
                    return "status " + status.ToString();
            }
        }

        /// <summary>
        /// Joins, and while joined waits for a confirmed loss; then waits for the station to rejoin. Never returns: the
        /// board's Wi-Fi thread runs it.
        /// </summary>
        public void Run()
        {
            while (true)
            {
                Step();
            }
        }

        /// <summary>
        /// One round of <see cref="Run"/>: the helper call of the first join, else one poll of the station's address
        /// (ended early by an event that brings one); with an address, the wait for a loss.
        /// </summary>
        /// <returns>True when the round brought the network up (and it was then lost).</returns>
        public bool Step()
        {
            string address;
            bool byHelper = _helperCalls == 0;
            if (byHelper)
            {
                address = CallHelper();
            }
            else
            {
                _wake.Wait(StationPollMilliseconds);
                address = _stationAddress();
            }

            if (!HasAddress(address))
            {
                return false;
            }

            lock (_sync)
            {
                _up = true;
                _lossConfirmed = false;
            }

            _log.Write(LogLevel.Info, "Wi-Fi up, address " + address + (byHelper ? string.Empty : " (the station rejoined by itself)"));
            _changed(true);

            // Only a confirmed loss ends the wait; a wake from an event that turned out not to be one waits again.
            while (!LossConfirmed())
            {
                _wake.Wait(Timeout.Infinite);
            }

            _changed(false);
            _log.Write(LogLevel.Warning, "Wi-Fi lost: no IP address; the station rejoins by itself, presses are kept and sent once it is back");
            return true;
        }

        /// <summary>
        /// The platform said the network became available or unavailable. Called from the platform's event thread.
        /// </summary>
        /// <param name="available">What the event said.</param>
        /// <param name="ipAddress">The station's address at the time of the event.</param>
        /// <returns>True when this confirmed a loss.</returns>
        public bool OnAvailabilityChanged(bool available, string ipAddress)
        {
            lock (_sync)
            {
                if (!_up && HasAddress(ipAddress))
                {
                    // The station rejoined (on ESP32 this event comes before DHCP, so rarely with an address): end
                    // the poll's wait now rather than at its end.
                    _wake.Set();
                    return false;
                }

                if (available || !_up)
                {
                    return false;
                }

                if (HasAddress(ipAddress))
                {
                    // A disconnect event while the address is still there (the helper's own Disconnect, a failed
                    // automatic reconnect that recovered): not a loss.
                    _ignoredDisconnects++;
                    return false;
                }

                _up = false;
                _lossConfirmed = true;
            }

            _wake.Set();
            return true;
        }

        /// <summary>
        /// The platform said the station's address changed (on ESP32 the only event raised when DHCP gives the address).
        /// Called from the platform's event thread.
        /// </summary>
        /// <param name="ipAddress">The station's address at the time of the event.</param>
        /// <returns>True when this woke the wait for a rejoin.</returns>
        public bool OnAddressChanged(string ipAddress)
        {
            lock (_sync)
            {
                if (_up || !HasAddress(ipAddress))
                {
                    return false;
                }
            }

            _wake.Set();
            return true;
        }

        private bool LossConfirmed()
        {
            lock (_sync)
            {
                return _lossConfirmed;
            }
        }

        private string JoinFailedLine(WifiJoinResult result, bool withSettings)
        {
            string evidence = StatusName(result.HelperStatus) + (result.HelperError.Length > 0 ? ", " + result.HelperError : string.Empty);
            string fix;
            switch (result.HelperStatus)
            {
                case 3:
                    fix = "the firmware has no Wi-Fi interface: flash an ESP32 image with Wi-Fi (nf-build/flash)";
                    break;
                case 4:
                    fix = withSettings || (_settings.WifiSsid != null && _settings.WifiSsid.Length > 0)
                        ? "no IP address within " + (JoinTimeoutMilliseconds / 1000).ToString() + " s: check WifiSsid/WifiPassword, that the access point is 2.4 GHz and in range, and that it gives out addresses (DHCP)"
                        : "no IP address within " + (JoinTimeoutMilliseconds / 1000).ToString() + " s: are credentials stored on the board (nf-build/configure --port <serial>)? is the access point 2.4 GHz, in range, giving out addresses (DHCP)?";
                    break;
                default:
                    fix = withSettings
                        ? "check WifiSsid/WifiPassword and that the access point is 2.4 GHz"
                        : "no credentials stored on the board? run nf-build/configure --port <serial>";
                    break;
            }

            return "Wi-Fi join failed (" + evidence + "): " + fix + "; the station keeps trying by itself, the board watches for its address";
        }

        // The one helper call, at boot: ConnectDhcp stores the settings' credentials in flash, Reconnect only waits
        // for the address (see the remarks).
        private string CallHelper()
        {
            bool withSettings = !_settingsCredentialsUsed && _settings.WifiSsid != null && _settings.WifiSsid.Length > 0;
            _log.Write(LogLevel.Info, withSettings
                ? "joining Wi-Fi '" + _settings.WifiSsid + "'"
                : "joining Wi-Fi with the credentials stored on the board");
            WifiJoinResult result = _join(withSettings, JoinTimeoutMilliseconds);
            if (withSettings)
            {
                // ConnectDhcp has stored them on the board, whether the join worked or not.
                _settingsCredentialsUsed = true;
            }

            _helperCalls++;
            if (!HasAddress(result.IpAddress))
            {
                _log.Write(LogLevel.Error, JoinFailedLine(result, withSettings));
            }

            return result.IpAddress;
        }
    }
}
