using System.Threading;

namespace WwepDevice.Core
{
    /// <summary>
    /// When the board counts as on the network, how it joins and rejoins, and what it says about it. The ESP32 adapter
    /// only makes the helper calls (<see cref="WifiJoin"/>) and passes on the platform's availability events.
    /// </summary>
    /// <remarks>
    /// Facts from the sources this encodes:
    /// <list type="bullet">
    /// <item>Up means an IP address, not a set clock: with <c>requiresDateTime</c> the helper waits for the year to
    /// reach 2021 (System.Net <c>NetworkHelper</c>), and on ESP32 SNTP only asks <c>0/1.pool.ntp.org</c>
    /// (nf-interpreter <c>targets/ESP32/_common/targetHAL_Network.cpp</c>), so on a classroom access point without
    /// internet the join would fail forever and plain mode could never send. The clock gates TLS only.</item>
    /// <item><c>ConnectDhcp</c> stores SSID and password with <c>SaveConfiguration()</c> on every call
    /// (System.Device.Wifi <c>WifiNetworkHelper.ScanAndConnect</c>/<c>StoreWifiConfiguration</c>), and first calls
    /// <c>Disconnect()</c>. So the settings' credentials are used for the first join only; every later join uses the
    /// stored ones through <c>Reconnect</c>, which writes nothing.</item>
    /// <item>The ESP32 raises NetworkAvailabilityChanged(false) on every STA_DISCONNECTED, including the helper's own
    /// <c>Disconnect()</c> and each failed automatic reconnect (<c>targetHAL_Network.cpp</c>): a loss counts only when
    /// the station has no IP address any more.</item>
    /// </list>
    /// </remarks>
    public sealed class WifiLink
    {
        /// <summary>How long one join (association and DHCP) may take.</summary>
        public const int JoinTimeoutMilliseconds = 60000;

        /// <summary>The pause between failed joins, so a missing access point does not keep the radio busy.</summary>
        public const int RetryPauseMilliseconds = 10000;

        private readonly object _sync = new object();
        private readonly WwepSettings _settings;
        private readonly WifiJoin _join;
        private readonly NetworkStateChanged _changed;
        private readonly IWaitSignal _wake;
        private readonly ILog _log;
        private bool _settingsCredentialsUsed;
        private bool _up;
        private bool _lossConfirmed;
        private int _ignoredDisconnects;

        /// <summary>Creates the link.</summary>
        /// <param name="settings">Wi-Fi credentials (empty SSID: use the stored ones).</param>
        /// <param name="join">Makes one helper call.</param>
        /// <param name="changed">Told when the network comes up or goes down.</param>
        /// <param name="wake">Wakes the joining thread on a confirmed loss; it also paces retries.</param>
        /// <param name="log">Status lines.</param>
        public WifiLink(WwepSettings settings, WifiJoin join, NetworkStateChanged changed, IWaitSignal wake, ILog log)
        {
            _settings = settings;
            _join = join;
            _changed = changed;
            _wake = wake;
            _log = log;
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
        /// Joins, and while joined waits for a confirmed loss; then joins again. Never returns: the board's Wi-Fi thread runs it.
        /// </summary>
        public void Run()
        {
            while (true)
            {
                Step();
            }
        }

        /// <summary>One round of <see cref="Run"/>: a join, then either the wait for a loss or the pause before the next join.</summary>
        /// <returns>True when the join brought the network up.</returns>
        public bool Step()
        {
            bool withSettings = !_settingsCredentialsUsed && _settings.WifiSsid != null && _settings.WifiSsid.Length > 0;
            _log.Write(LogLevel.Info, withSettings
                ? "joining Wi-Fi '" + _settings.WifiSsid + "'"
                : _settingsCredentialsUsed ? "rejoining Wi-Fi with the credentials stored on the board" : "joining Wi-Fi with the credentials stored on the board");
            WifiJoinResult result = _join(withSettings, JoinTimeoutMilliseconds);
            if (withSettings)
            {
                // ConnectDhcp has stored them on the board, whether the join worked or not.
                _settingsCredentialsUsed = true;
            }

            if (!HasAddress(result.IpAddress))
            {
                _log.Write(LogLevel.Error, JoinFailedLine(result, withSettings));
                _wake.Wait(RetryPauseMilliseconds);
                return false;
            }

            lock (_sync)
            {
                _up = true;
                _lossConfirmed = false;
            }

            _log.Write(LogLevel.Info, "Wi-Fi up, address " + result.IpAddress);
            _changed(true);

            // Only a confirmed loss ends the wait; a wake from an event that turned out not to be one waits again.
            while (!LossConfirmed())
            {
                _wake.Wait(Timeout.Infinite);
            }

            _changed(false);
            _log.Write(LogLevel.Warning, "Wi-Fi lost: no IP address; rejoining, presses are kept and sent once it is back");
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

            return "Wi-Fi join failed (" + evidence + "): " + fix + "; retrying in " + (RetryPauseMilliseconds / 1000).ToString() + " s";
        }
    }
}
