using System;
using WwepDevice.Core.Network;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;

namespace WwepDevice.Core.Clock
{
    /// <summary>
    /// Gets the clock set so that TLS can check certificate dates, on a network without internet too. The ESP32
    /// firmware starts SNTP with <c>0/1.pool.ntp.org</c> only (nf-interpreter <c>targets/ESP32/_common/
    /// targetHAL_Network.cpp</c>, started at IP_EVENT_STA_GOT_IP) and its images lack the Sntp API to change that; so
    /// while the clock is unset the device asks the WWEP server's host by SNTP as soon as the network is up (after
    /// <see cref="WwepSettings.InternetTimeWaitMilliseconds"/>, 0 by default: the LAN server is the faster source), and
    /// again every <see cref="RetryPauseMilliseconds"/>, watching for internet time in between. It takes only a
    /// plausible time no earlier than the firmware's build, never moves a clock that is already set, and says where
    /// the time came from.
    /// </summary>
    public sealed class ClockSync
    {
        /// <summary>How long one SNTP query may wait for its answer.</summary>
        public const int QueryTimeoutMilliseconds = 2000;

        /// <summary>Queries per round before the device waits <see cref="RetryPauseMilliseconds"/>.</summary>
        public const int QueriesPerRound = 3;

        /// <summary>The pause between rounds while the clock stays unset.</summary>
        public const int RetryPauseMilliseconds = 30000;

        // The source of a time that internet SNTP (the firmware's own) set.
        private const string InternetSource = "internet SNTP";

        // How often the wait for internet time looks at the clock.
        private const int PollMilliseconds = 500;

        private readonly object _sync = new object();
        private readonly WwepSettings _settings;
        private readonly IClock _clock;
        private readonly ClockSetter _setClock;
        private readonly UdpExchange _exchange;
        private readonly ServerAddressCache _addresses;
        private readonly DateTime _notBeforeUtc;
        private readonly IWaitSignal _pause;
        private readonly ILog _log;
        private readonly byte[] _request = new byte[SntpPacket.Length];
        private readonly byte[] _reply = new byte[SntpPacket.Length + 16];
        private long _nonce;
        private bool _networkDown;
        private string _source = string.Empty;

        /// <summary>Creates the clock keeper.</summary>
        /// <param name="settings">Whether the server may give the time, and its SNTP port.</param>
        /// <param name="clock">The device clock.</param>
        /// <param name="setClock">Sets it.</param>
        /// <param name="exchange">One UDP request and answer.</param>
        /// <param name="addresses">The WWEP server's address (looked up once per network-up).</param>
        /// <param name="notBeforeUtc">When the firmware was built: an earlier time is not believed.</param>
        /// <param name="pause">Paces the waits; <see cref="OnNetworkDown"/> wakes it.</param>
        /// <param name="log">Where the clock's story goes.</param>
        public ClockSync(WwepSettings settings, IClock clock, ClockSetter setClock, UdpExchange exchange, ServerAddressCache addresses, DateTime notBeforeUtc, IWaitSignal pause, ILog log)
        {
            _settings = settings;
            _clock = clock;
            _setClock = setClock;
            _exchange = exchange;
            _addresses = addresses;
            _notBeforeUtc = notBeforeUtc > WwepSettings.EarliestPlausibleUtc ? notBeforeUtc : WwepSettings.EarliestPlausibleUtc;
            _pause = pause;
            _log = log;
            _nonce = notBeforeUtc.Ticks;
        }

        /// <summary>True when the clock reads a plausible time.</summary>
        public bool ClockIsSet
        {
            get { return _clock.UtcNow >= WwepSettings.EarliestPlausibleUtc; }
        }

        /// <summary>Where the clock's time came from, as far as this keeper saw it set; empty until then.</summary>
        public string Source
        {
            get
            {
                lock (_sync)
                {
                    return _source;
                }
            }
        }

        /// <summary>The network went down: a running <see cref="RunWhileNetworkUp"/> ends.</summary>
        public void OnNetworkDown()
        {
            lock (_sync)
            {
                _networkDown = true;
            }

            _pause.Set();
        }

        /// <summary>
        /// Called when the network comes up, on a thread of its own (never the button's): returns once the clock is
        /// set or the network is down again.
        /// </summary>
        /// <returns>True when the clock is set.</returns>
        public bool RunWhileNetworkUp()
        {
            lock (_sync)
            {
                _networkDown = false;
            }

            if (ClockIsSet)
            {
                return true;
            }

            // Internet time gets a head start only when the settings ask for one (none by default): the firmware starts
            // its SNTP at the same GOT_IP, but it must resolve pool.ntp.org and cross the internet, and on an access point
            // without internet it never answers; the WWEP server on the LAN answers within milliseconds.
            if (WaitForInternetTime(_settings.InternetTimeWaitMilliseconds))
            {
                SetBy(InternetSource, "clock set by internet SNTP: " + FormatTime(_clock.UtcNow));
                return true;
            }

            if (!_settings.TimeFromServer)
            {
                _log.Write(LogLevel.Warning, "clock not set: no internet time within " + (_settings.InternetTimeWaitMilliseconds / 1000).ToString() + " s and TimeFromServer is off; TLS waits until the network reaches an NTP server");
                return WaitForInternetTimeUntilDown();
            }

            while (!IsNetworkDown())
            {
                if (TryServerTime())
                {
                    return true;
                }

                // Between two rounds the clock is watched as closely as in the head start: internet time that comes
                // during the pause is taken when it comes, not at the pause's end.
                if (WaitForInternetTime(RetryPauseMilliseconds))
                {
                    SetBy(InternetSource, "clock set by internet SNTP: " + FormatTime(_clock.UtcNow));
                    return true;
                }
            }

            return ClockIsSet;
        }

        /// <summary>One round of queries to the WWEP server's host. Public for tests.</summary>
        /// <returns>True when the clock was set from the server.</returns>
        public bool TryServerTime()
        {
            string address;
            try
            {
                address = _addresses.Resolve();
            }
            catch (WwepTransportException ex)
            {
                _log.Write(LogLevel.Warning, "clock not set: " + ex.Message);
                return false;
            }

            int port = _settings.SntpPort;
            string problem = string.Empty;
            int unanswered = 0;
            for (int attempt = 0; attempt < QueriesPerRound; attempt++)
            {
                _nonce++;
                SntpPacket.BuildRequest(_request, _nonce);
                int received;
                try
                {
                    received = _exchange(address, port, _request, SntpPacket.Length, _reply, QueryTimeoutMilliseconds);
                }
                catch (Exception ex)
                {
                    problem = ex.GetType().Name + (ex.Message != null && ex.Message.Length > 0 ? " " + ex.Message : string.Empty);
                    continue;
                }

                if (received <= 0)
                {
                    // The line must say how long the board really waited: every query of the round, not one.
                    unanswered++;
                    problem = unanswered == QueriesPerRound
                        ? "no answer to " + QueriesPerRound.ToString() + " queries, " + QueryTimeoutMilliseconds.ToString() + " ms each"
                        : "no answer within " + QueryTimeoutMilliseconds.ToString() + " ms";
                    continue;
                }

                DateTime serverUtc;
                problem = SntpPacket.ParseReply(_reply, received, _request, out serverUtc);
                if (problem.Length > 0)
                {
                    continue;
                }

                if (serverUtc < _notBeforeUtc)
                {
                    _log.Write(LogLevel.Warning, "clock not set: " + address + ":" + port.ToString() + " says " + FormatTime(serverUtc) + ", before this firmware was built (" + FormatTime(_notBeforeUtc) + "); fix the server's clock");
                    return false;
                }

                // Internet SNTP may have won the race while the query was out: a set clock is never moved.
                if (ClockIsSet)
                {
                    SetBy(InternetSource, "clock set by internet SNTP: " + FormatTime(_clock.UtcNow) + " (the WWEP server's time was not needed)");
                    return true;
                }

                _setClock(serverUtc);
                string server = "the WWEP server " + address + ":" + port.ToString() + " by SNTP";
                SetBy(server, "clock set to " + FormatTime(serverUtc) + " from " + server + " (unauthenticated LAN time; TimeFromServer turns it off)");
                return true;
            }

            _log.Write(LogLevel.Warning, "clock not set: the WWEP server " + address + ":" + port.ToString() + " gave no usable time (" + problem + "); start WwepServer with --sntp-port " + port.ToString() + " (port 123 needs root or CAP_NET_BIND_SERVICE) or give the network internet access; trying again in " + (RetryPauseMilliseconds / 1000).ToString() + " s");
            return false;
        }

        /// <summary>A time as the log writes it.</summary>
        /// <param name="utc">The time.</param>
        /// <returns>For example <c>2026-11-29 21:59:05 UTC</c>.</returns>
        public static string FormatTime(DateTime utc)
        {
            return TlsDiagnosis.FormatDate(utc) + " " + Pad2(utc.Hour) + ":" + Pad2(utc.Minute) + ":" + Pad2(utc.Second) + " UTC";
        }

        private void SetBy(string source, string line)
        {
            lock (_sync)
            {
                _source = source;
            }

            _log.Write(LogLevel.Info, line);
        }

        // Watches the clock for up to the given time; ends early when the network goes down.
        private bool WaitForInternetTime(int milliseconds)
        {
            int waited = 0;
            while (waited < milliseconds)
            {
                if (ClockIsSet || IsNetworkDown())
                {
                    return ClockIsSet;
                }

                _pause.Wait(PollMilliseconds);
                waited += PollMilliseconds;
            }

            return ClockIsSet;
        }

        private bool WaitForInternetTimeUntilDown()
        {
            while (!ClockIsSet && !IsNetworkDown())
            {
                _pause.Wait(RetryPauseMilliseconds);
            }

            return ClockIsSet;
        }

        private bool IsNetworkDown()
        {
            lock (_sync)
            {
                return _networkDown;
            }
        }

        private static string Pad2(int value)
        {
            return value < 10 ? "0" + value.ToString() : value.ToString();
        }
    }
}
