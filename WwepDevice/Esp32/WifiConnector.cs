using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;
using WwepDevice.Core;

namespace WwepDevice.Esp32
{
    /// <summary>
    /// Joins Wi-Fi (with the credentials from the settings, or those stored on the board by
    /// <c>nf-build/configure</c>), waits for SNTP to set the clock before any TLS, and keeps trying after a failed
    /// join or a dropped access point, without a reboot.
    /// </summary>
    public sealed class WifiConnector
    {
        // How long one join (association, DHCP, SNTP) may take before it is retried.
        private const int JoinTimeoutMilliseconds = 60000;

        // The pause between failed joins, so a missing access point does not keep the radio busy.
        private const int RetryPauseMilliseconds = 10000;

        private readonly WwepSettings _settings;
        private readonly ILog _log;
        private readonly NetworkStateChanged _changed;
        private readonly AutoResetEvent _lost = new AutoResetEvent(false);

        /// <summary>Creates the connector.</summary>
        /// <param name="settings">Wi-Fi credentials (empty to use the stored ones).</param>
        /// <param name="log">Status lines.</param>
        /// <param name="changed">Told when the network comes up or goes down.</param>
        public WifiConnector(WwepSettings settings, ILog log, NetworkStateChanged changed)
        {
            _settings = settings;
            _log = log;
            _changed = changed;
        }

        /// <summary>Starts the thread that joins and rejoins the network.</summary>
        public void Start()
        {
            NetworkChange.NetworkAvailabilityChanged += OnAvailabilityChanged;
            new Thread(Run).Start();
        }

        /// <summary>The Wi-Fi station MAC address (6 bytes), or null if there is no Wi-Fi interface.</summary>
        /// <returns>The MAC.</returns>
        public static byte[] StationMac()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < interfaces.Length; i++)
            {
                if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                {
                    return interfaces[i].PhysicalAddress;
                }
            }

            return null;
        }

        private void Run()
        {
            while (true)
            {
                if (Join())
                {
                    _changed(true);

                    // Sleep until the access point drops; the helper's automatic reconnection may bring it back,
                    // and if it does not, the loop joins again from scratch.
                    _lost.WaitOne();
                    _changed(false);
                    _log.Write(LogLevel.Warning, "Wi-Fi lost: rejoining; presses are kept and sent once it is back");
                }
                else
                {
                    Thread.Sleep(RetryPauseMilliseconds);
                }
            }
        }

        private bool Join()
        {
            bool stored = _settings.WifiSsid == null || _settings.WifiSsid.Length == 0;
            _log.Write(LogLevel.Info, stored ? "joining Wi-Fi with the credentials stored on the board" : "joining Wi-Fi '" + _settings.WifiSsid + "'");
            CancellationTokenSource timeout = new CancellationTokenSource(JoinTimeoutMilliseconds);
            bool joined;
            try
            {
                // requiresDateTime: the helper returns only once SNTP has set the clock, so the first TLS
                // handshake never sees 1970.
                joined = stored
                    ? WifiNetworkHelper.Reconnect(true, 0, timeout.Token)
                    : WifiNetworkHelper.ConnectDhcp(_settings.WifiSsid, _settings.WifiPassword, WifiReconnectionKind.Automatic, true, 0, timeout.Token);
            }
            catch (Exception ex)
            {
                joined = false;
                _log.Write(LogLevel.Error, "Wi-Fi join threw " + ex.GetType().Name + ": " + ex.Message);
            }

            if (joined)
            {
                _log.Write(LogLevel.Info, "Wi-Fi up, clock " + TlsDiagnosis.FormatDate(DateTime.UtcNow));
                return true;
            }

            string why = WifiNetworkHelper.HelperException != null ? WifiNetworkHelper.HelperException.Message : "no detail";
            _log.Write(LogLevel.Error, "Wi-Fi join failed (status " + WifiNetworkHelper.Status.ToString() + ", " + why + "): " + (stored
                ? "no credentials stored on the board? run nf-build/configure --port <serial>"
                : "check WifiSsid/WifiPassword and that the access point is 2.4 GHz") + "; retrying in " + (RetryPauseMilliseconds / 1000).ToString() + " s");

            // The helper keeps its state after a failure; reset it so the next attempt starts clean.
            WifiNetworkHelper.Reset();
            return false;
        }

        private void OnAvailabilityChanged(object sender, NetworkAvailabilityEventArgs e)
        {
            if (!e.IsAvailable)
            {
                _lost.Set();
            }
        }
    }
}
