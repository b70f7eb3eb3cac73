using System;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;

namespace WwepDevice.Core.Settings
{
    /// <summary>
    /// Every setting of the device in one place, with defaults for an ESP32 DevKit.
    /// Real Wi-Fi credentials never go in this file: leave them empty to use the ones stored on the board
    /// (<c>nf-build/configure</c>), or set them in the git-ignored <c>LocalSettings.cs</c> (see README).
    /// </summary>
    public sealed class WwepSettings
    {
        /// <summary>The course's plain WWEP port.</summary>
        public const int DefaultPlainPort = 27708;

        /// <summary>The course's TLS WWEP port.</summary>
        public const int DefaultTlsPort = 40508;

        /// <summary>A clock before this instant has not been set (ESP32 boots at 1970); TLS is not attempted then.</summary>
        public static readonly DateTime EarliestPlausibleUtc = new DateTime(2025, 1, 1, 0, 0, 0);

        /// <summary>Creates the defaults.</summary>
        public WwepSettings()
        {
            WifiSsid = string.Empty;
            WifiPassword = string.Empty;
            ServerHost = "wwep.local";
            ServerFallbackIp = string.Empty;
            TlsHostName = string.Empty;
            PlainPort = DefaultPlainPort;
            TlsPort = DefaultTlsPort;
            Mode = LinkMode.Tls;
            UseClientCertificate = false;
            ButtonPin = 0;
            SecondButtonPin = -1;
            LedPin = 2;
            DebounceMilliseconds = 50;
            ConnectTimeoutMilliseconds = 5000;
            ReplyTimeoutMilliseconds = 3000;
            MaxAttempts = 5;
            InitialBackoffMilliseconds = 500;
            MaxBackoffMilliseconds = 15000;
            TimeFromServer = true;
            SntpPort = SntpPacket.DefaultPort;
            InternetTimeWaitMilliseconds = 0;
            LedAtBoot = LedAtBoot.Off;
            BlinkCodes = true;
        }

        /// <summary>
        /// TCP keep-alive idle time before the first probe, in seconds. lwIP on ESP32 takes TCP_KEEPIDLE, TCP_KEEPINTVL
        /// and TCP_KEEPCNT (nf-interpreter <c>targets/ESP32/_include/lwipopts.h</c> LWIP_TCP_KEEPALIVE 1,
        /// <c>_lwIP/nf_sockets.c</c>), and nanoFramework passes unknown TCP option numbers through
        /// (<c>src/PAL/Lwip/lwIP_Sockets.cpp</c> GetNativeTcpOption). It is the one bound the platform allows on a TLS
        /// handshake: a server host that vanishes (no answer, no reset) ends the blocked handshake after about
        /// idle + interval x count seconds; a live server that simply never answers the ClientHello still answers
        /// the probes, so nothing bounds that.
        /// </summary>
        public const int KeepAliveIdleSeconds = 5;

        /// <summary>Seconds between keep-alive probes.</summary>
        public const int KeepAliveIntervalSeconds = 2;

        /// <summary>Unanswered probes before lwIP drops the connection.</summary>
        public const int KeepAliveProbes = 3;

        /// <summary>Wi-Fi network name; empty means "use the credentials stored on the board".</summary>
        public string WifiSsid { get; set; }

        /// <summary>Wi-Fi password (used only when <see cref="WifiSsid"/> is set).</summary>
        public string WifiPassword { get; set; }

        /// <summary>The WWEP server's DNS name.</summary>
        public string ServerHost { get; set; }

        /// <summary>An IPv4 address to use when <see cref="ServerHost"/> does not resolve; empty for none.</summary>
        public string ServerFallbackIp { get; set; }

        /// <summary>
        /// The name the server certificate must carry; empty means <see cref="ServerHost"/>. Set it when the
        /// device reaches the server by IP but the certificate names a host.
        /// </summary>
        public string TlsHostName { get; set; }

        /// <summary>Plain WWEP port (27708).</summary>
        public int PlainPort { get; set; }

        /// <summary>TLS WWEP port (40508).</summary>
        public int TlsPort { get; set; }

        /// <summary>Plain, TLS, or the course's two-button mode.</summary>
        public LinkMode Mode { get; set; }

        /// <summary>Present the embedded device certificate and key (mutual TLS).</summary>
        public bool UseClientCertificate { get; set; }

        /// <summary>GPIO of the (first) button; GPIO0 is the BOOT button of an ESP32 DevKit.</summary>
        public int ButtonPin { get; set; }

        /// <summary>GPIO of the second button (the TLS one) in <see cref="LinkMode.TwoButton"/>; -1 for none.</summary>
        public int SecondButtonPin { get; set; }

        /// <summary>GPIO of the LED; GPIO2 is the blue LED of an ESP32 DevKit.</summary>
        public int LedPin { get; set; }

        /// <summary>
        /// Button debounce time, applied by the GPIO driver; the core also takes a second press edge without a release
        /// within twice this time as a bounce (<see cref="PressRecognizer"/>).
        /// </summary>
        public int DebounceMilliseconds { get; set; }

        /// <summary>
        /// How long a TCP connect may take. It does not bound the TLS handshake: nanoFramework runs that blocking,
        /// with no read timeout, on the interpreter's only task (nf-interpreter <c>SslNative::SecureConnect</c>,
        /// <c>ssl_connect_internal.cpp</c>), and every managed thread waits until it ends.
        /// </summary>
        public int ConnectTimeoutMilliseconds { get; set; }

        /// <summary>How long the server may take to reply.</summary>
        public int ReplyTimeoutMilliseconds { get; set; }

        /// <summary>Attempts per state before the device reports and waits for the next press or the network.</summary>
        public int MaxAttempts { get; set; }

        /// <summary>Backoff before the first retry; doubles per attempt.</summary>
        public int InitialBackoffMilliseconds { get; set; }

        /// <summary>Upper bound of the backoff.</summary>
        public int MaxBackoffMilliseconds { get; set; }

        /// <summary>
        /// While the clock is unset (after <see cref="InternetTimeWaitMilliseconds"/>, none by default), take the time
        /// from the WWEP server's host by SNTP (WwepServer --sntp-port). An unauthenticated LAN time source: someone on the network could answer first with a wrong time, which can at worst make a certificate
        /// look expired or not yet valid; the device never accepts a time before its firmware was built.
        /// </summary>
        public bool TimeFromServer { get; set; }

        /// <summary>The UDP port of the WWEP server's SNTP responder (123).</summary>
        public int SntpPort { get; set; }

        /// <summary>
        /// How long internet SNTP (the firmware's own) may set the clock before the WWEP server is asked; 0 (the default)
        /// asks the server as soon as the network is up, since on a LAN it answers first.
        /// </summary>
        public int InternetTimeWaitMilliseconds { get; set; }

        /// <summary>
        /// After a reset: <see cref="LedAtBoot.Off"/> (the LED starts off and the board stores that once the network
        /// is up) or <see cref="LedAtBoot.Restore"/> (the board reads the stored state and shows it).
        /// </summary>
        public LedAtBoot LedAtBoot { get; set; }

        /// <summary>Blink the class of a failure on the LED when a state is finally not delivered (<see cref="Press.BlinkCodes"/>).</summary>
        public bool BlinkCodes { get; set; }

        /// <summary>The host name TLS verifies: <see cref="TlsHostName"/> or else <see cref="ServerHost"/>.</summary>
        public string EffectiveTlsHostName
        {
            get { return TlsHostName != null && TlsHostName.Length > 0 ? TlsHostName : ServerHost; }
        }

        /// <summary>True when some button sends over TLS.</summary>
        public bool UsesTls
        {
            get { return Mode != LinkMode.Plain; }
        }

        /// <summary>The port for a transport.</summary>
        /// <param name="kind">Plain or TLS.</param>
        /// <returns><see cref="PlainPort"/> or <see cref="TlsPort"/>.</returns>
        public int PortFor(TransportKind kind)
        {
            return kind == TransportKind.Tls ? TlsPort : PlainPort;
        }

        /// <summary>The transport of a button press: the second button is the TLS one in two-button mode.</summary>
        /// <param name="secondButton">True for the second button.</param>
        /// <returns>The transport that press must use.</returns>
        public TransportKind TransportForButton(bool secondButton)
        {
            if (Mode == LinkMode.TwoButton)
            {
                return secondButton ? TransportKind.Tls : TransportKind.Plain;
            }

            return Mode == LinkMode.Tls ? TransportKind.Tls : TransportKind.Plain;
        }

        /// <summary>
        /// Checks every setting and says, for each problem, what is wrong and how to fix it.
        /// </summary>
        /// <returns>The problems, one sentence each; empty when the settings are usable.</returns>
        public string[] Validate()
        {
            string[] found = new string[28];
            int count = 0;

            if (ServerHost == null || ServerHost.Length == 0)
            {
                found[count++] = "ServerHost is empty: set the WWEP server's host name (or its IP address)";
            }
            else if (ServerHost.IndexOf(' ') >= 0)
            {
                found[count++] = "ServerHost '" + ServerHost + "' contains a space: a host name cannot";
            }

            if (ServerFallbackIp != null && ServerFallbackIp.Length > 0 && !IsIPv4(ServerFallbackIp))
            {
                found[count++] = "ServerFallbackIp '" + ServerFallbackIp + "' is not an IPv4 address such as 192.168.1.20";
            }

            count = CheckPort(found, count, "PlainPort", PlainPort);
            count = CheckPort(found, count, "TlsPort", TlsPort);
            if (PlainPort == TlsPort)
            {
                found[count++] = "PlainPort and TlsPort are both " + PlainPort.ToString() + ": the server listens for plain and TLS on different ports (27708 and 40508)";
            }

            if (UsesTls)
            {
                string name = EffectiveTlsHostName;
                if (name == null || name.Length == 0)
                {
                    found[count++] = "TLS is on but there is no host name to verify: set ServerHost or TlsHostName to the name in the server certificate";
                }
                else if (IsIPv4(name))
                {
                    found[count++] = "the TLS host name to verify is the IP address " + name + ": set TlsHostName to the DNS name in the server certificate (keep the IP in ServerFallbackIp)";
                }
            }
            else if (UseClientCertificate)
            {
                found[count++] = "UseClientCertificate is on but Mode is Plain: a client certificate needs TLS (Mode = Tls or TwoButton)";
            }

            count = CheckPin(found, count, "ButtonPin", ButtonPin);
            count = CheckPin(found, count, "LedPin", LedPin);
            if (LedPin >= 34 && LedPin <= 39)
            {
                found[count++] = "LedPin GPIO" + LedPin.ToString() + " is input-only on the ESP32 (34 to 39): it cannot drive an LED";
            }

            if (ButtonPin == LedPin)
            {
                found[count++] = "ButtonPin and LedPin are both GPIO" + LedPin.ToString() + ": use two different pins";
            }

            if (Mode == LinkMode.TwoButton)
            {
                if (SecondButtonPin < 0)
                {
                    found[count++] = "Mode TwoButton needs SecondButtonPin (the TLS button), for example 4";
                }
                else
                {
                    count = CheckPin(found, count, "SecondButtonPin", SecondButtonPin);
                    if (SecondButtonPin == ButtonPin || SecondButtonPin == LedPin)
                    {
                        found[count++] = "SecondButtonPin GPIO" + SecondButtonPin.ToString() + " is already used by the first button or the LED";
                    }
                }
            }

            count = CheckBetween(found, count, "DebounceMilliseconds", DebounceMilliseconds, 0, 1000);
            count = CheckBetween(found, count, "ConnectTimeoutMilliseconds", ConnectTimeoutMilliseconds, 100, 120000);
            count = CheckBetween(found, count, "ReplyTimeoutMilliseconds", ReplyTimeoutMilliseconds, 100, 120000);
            count = CheckBetween(found, count, "MaxAttempts", MaxAttempts, 1, 100);
            count = CheckBetween(found, count, "InitialBackoffMilliseconds", InitialBackoffMilliseconds, 1, 3600000);
            count = CheckBetween(found, count, "MaxBackoffMilliseconds", MaxBackoffMilliseconds, 1, 3600000);
            if (MaxBackoffMilliseconds < InitialBackoffMilliseconds)
            {
                found[count++] = "MaxBackoffMilliseconds (" + MaxBackoffMilliseconds.ToString() + ") is below InitialBackoffMilliseconds (" + InitialBackoffMilliseconds.ToString() + ")";
            }

            if (TimeFromServer)
            {
                count = CheckBetween(found, count, "SntpPort", SntpPort, 1, 65535);
            }

            count = CheckBetween(found, count, "InternetTimeWaitMilliseconds", InternetTimeWaitMilliseconds, 0, 600000);
            if (WifiPassword != null && WifiPassword.Length > 0 && (WifiSsid == null || WifiSsid.Length == 0))
            {
                found[count++] = "WifiPassword is set but WifiSsid is empty: set both, or neither to use the credentials stored on the board";
            }

            string[] problems = new string[count];
            Array.Copy(found, problems, count);
            return problems;
        }

        /// <summary>True for a dotted-quad IPv4 address such as <c>192.168.1.20</c>.</summary>
        /// <param name="text">The text to check.</param>
        /// <returns>Whether it is one.</returns>
        public static bool IsIPv4(string text)
        {
            if (text == null || text.Length < 7 || text.Length > 15)
            {
                return false;
            }

            int parts = 0;
            int digits = 0;
            int value = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '.')
                {
                    if (digits == 0 || value > 255)
                    {
                        return false;
                    }

                    parts++;
                    digits = 0;
                    value = 0;
                    continue;
                }

                char c = text[i];
                if (c < '0' || c > '9' || digits == 3)
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
                digits++;
            }

            return parts == 4;
        }

        private static int CheckPort(string[] found, int count, string name, int port)
        {
            if (port < 1 || port > 65535)
            {
                found[count++] = name + " " + port.ToString() + " is not a TCP port (1 to 65535)";
            }

            return count;
        }

        private static int CheckPin(string[] found, int count, string name, int pin)
        {
            // GPIO 0 to 39 exist on the ESP32; 6 to 11 drive the SPI flash and hang the board if touched.
            if (pin < 0 || pin > 39)
            {
                found[count++] = name + " GPIO" + pin.ToString() + " does not exist on an ESP32 (0 to 39)";
            }
            else if (pin >= 6 && pin <= 11)
            {
                found[count++] = name + " GPIO" + pin.ToString() + " is wired to the SPI flash on ESP32 modules: pick another pin";
            }

            return count;
        }

        private static int CheckBetween(string[] found, int count, string name, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                found[count++] = name + " is " + value.ToString() + ": it must be " + min.ToString() + " to " + max.ToString();
            }

            return count;
        }
    }
}
