using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using WwepDevice.Core.Settings;

namespace WwepSimulator
{
    /// <summary>
    /// The simulator's options: the device settings (defaults from <see cref="WwepSettings"/>, the board's own),
    /// the certificate files, the MAC, the clock, and scripted presses.
    /// </summary>
    public sealed class SimulatorCommandLine
    {
        private static readonly WwepSettings Defaults = new WwepSettings();

        /// <summary>Server name.</summary>
        public Option<string> Host { get; } = new Option<string>("--host")
        {
            Description = "The WWEP server's DNS name or IPv4 address (the board's ServerHost).",
            HelpName = "name",
            DefaultValueFactory = _ => Defaults.ServerHost,
        };

        /// <summary>Fallback IP.</summary>
        public Option<string> FallbackIp { get; } = new Option<string>("--fallback-ip")
        {
            Description = "IPv4 address used when --host does not resolve (the board's ServerFallbackIp).",
            HelpName = "ip",
        };

        /// <summary>TLS name.</summary>
        public Option<string> TlsName { get; } = new Option<string>("--tls-name")
        {
            Description = "Name the server certificate must carry, when it differs from --host (the board's TlsHostName).",
            HelpName = "name",
        };

        /// <summary>Plain port.</summary>
        public Option<int> PlainPort { get; } = new Option<int>("--plain-port")
        {
            Description = "Plain WWEP port.",
            HelpName = "port",
            DefaultValueFactory = _ => Defaults.PlainPort,
        };

        /// <summary>TLS port.</summary>
        public Option<int> TlsPort { get; } = new Option<int>("--tls-port")
        {
            Description = "TLS WWEP port.",
            HelpName = "port",
            DefaultValueFactory = _ => Defaults.TlsPort,
        };

        /// <summary>Link mode.</summary>
        public Option<string> Mode { get; } = new Option<string>("--mode")
        {
            Description = "plain, tls, or two-button (Enter/space sends plain, t sends TLS).",
            HelpName = "plain|tls|two-button",
            DefaultValueFactory = _ => "tls",
        };

        /// <summary>Mutual TLS.</summary>
        public Option<bool> ClientCert { get; } = new Option<bool>("--client-cert")
        {
            Description = "Present the device certificate (certs/device.crt.pem with certs/device.key.pem) for mutual TLS.",
        };

        /// <summary>CA file.</summary>
        public Option<string> Ca { get; } = new Option<string>("--ca")
        {
            Description = "The CA certificate the device trusts (PEM), the only trust anchor. Default: certs/ca.crt.pem in the repository.",
            HelpName = "pem",
        };

        /// <summary>Device certificate file.</summary>
        public Option<string> DeviceCert { get; } = new Option<string>("--device-cert")
        {
            Description = "Device certificate for --client-cert. Default: certs/device.crt.pem in the repository.",
            HelpName = "pem",
        };

        /// <summary>Device key file.</summary>
        public Option<string> DeviceKey { get; } = new Option<string>("--device-key")
        {
            Description = "Device key for --client-cert. Default: certs/device.key.pem in the repository.",
            HelpName = "pem",
        };

        /// <summary>MAC.</summary>
        public Option<string> Mac { get; } = new Option<string>("--mac")
        {
            Description = "The MAC the device ID is derived from. Default: this PC's first working network interface.",
            HelpName = "aa:bb:cc:dd:ee:ff",
        };

        /// <summary>Simulated clock.</summary>
        public Option<string> Clock { get; } = new Option<string>("--clock")
        {
            Description = "Start the device clock at this UTC date or time, then let it run: a date before 2025 (e.g. 1970-01-01, "
                + "2020-01-01) is a clock SNTP never set, so TLS is not attempted; a later date before the server certificate's "
                + "start is a clock that is behind. Certificate dates are judged against it. Default: this PC's clock.",
            HelpName = "yyyy-mm-dd[Thh:mm:ss]",
        };

        /// <summary>Scripted presses.</summary>
        public Option<int?> Presses { get; } = new Option<int?>("--presses")
        {
            Description = "Scripted run without a keyboard: press N times, wait until every send is done, exit 0 when the "
                + "server acknowledged the final state, 1 otherwise. In two-button mode the presses alternate plain and TLS.",
            HelpName = "N",
        };

        /// <summary>Interval between scripted presses.</summary>
        public Option<int> Interval { get; } = new Option<int>("--interval")
        {
            Description = "Milliseconds between scripted presses.",
            HelpName = "ms",
            DefaultValueFactory = _ => 1000,
        };

        /// <summary>Connect timeout.</summary>
        public Option<int> ConnectTimeout { get; } = new Option<int>("--connect-timeout")
        {
            Description = "Milliseconds a TCP connect may take (the simulator also bounds its TLS handshake with it; the board cannot).",
            HelpName = "ms",
            DefaultValueFactory = _ => Defaults.ConnectTimeoutMilliseconds,
        };

        /// <summary>Reply timeout.</summary>
        public Option<int> ReplyTimeout { get; } = new Option<int>("--reply-timeout")
        {
            Description = "Milliseconds the server may take to reply.",
            HelpName = "ms",
            DefaultValueFactory = _ => Defaults.ReplyTimeoutMilliseconds,
        };

        /// <summary>Attempts per state.</summary>
        public Option<int> Attempts { get; } = new Option<int>("--attempts")
        {
            Description = "Attempts per LED state before giving up until the next press.",
            HelpName = "N",
            DefaultValueFactory = _ => Defaults.MaxAttempts,
        };

        /// <summary>The WWEP server's SNTP port.</summary>
        public Option<int> SntpPort { get; } = new Option<int>("--sntp-port")
        {
            Description = "UDP port of the WWEP server's SNTP responder (WwepServer --sntp-port), asked for the time while "
                + "the device clock is unset, as the board does.",
            HelpName = "port",
            DefaultValueFactory = _ => Defaults.SntpPort,
        };

        /// <summary>Turns off the time from the WWEP server.</summary>
        public Option<bool> NoServerTime { get; } = new Option<bool>("--no-server-time")
        {
            Description = "Never take the time from the WWEP server (the board's TimeFromServer = false).",
        };

        /// <summary>How long to wait for internet time first.</summary>
        public Option<int> InternetTimeWait { get; } = new Option<int>("--internet-time-wait")
        {
            Description = "Milliseconds an unset clock waits for internet SNTP before asking the WWEP server (the simulator "
                + "has no internet SNTP of its own, so this is only the board's delay).",
            HelpName = "ms",
            DefaultValueFactory = _ => Defaults.InternetTimeWaitMilliseconds,
        };

        /// <summary>One long press after the scripted presses.</summary>
        public Option<bool> LongPress { get; } = new Option<bool>("--long-press")
        {
            Description = "With --presses: after the scripted presses, one long press (3 s): it toggles like a press, prints the "
                + "board's status block (starting with a line status:) and retries an undelivered state. In keyboard mode the l key is a long press.",
        };

        /// <summary>What the LED does at boot.</summary>
        public Option<string> AtBoot { get; } = new Option<string>("--led-at-boot")
        {
            Description = "off: once the network is up, store the LED's boot state (off) on the server; restore: read the stored "
                + "state and show it (the board's LedAtBoot).",
            HelpName = "off|restore",
            DefaultValueFactory = _ => "off",
        };

        /// <summary>Turns the blink codes off.</summary>
        public Option<bool> NoBlinkCodes { get; } = new Option<bool>("--no-blink-codes")
        {
            Description = "Do not show a failure's blink code (LED blink n: class) when a state is finally not delivered (the board's BlinkCodes = false).",
        };

        /// <summary>Hides the wire trace.</summary>
        public Option<bool> Quiet { get; } = new Option<bool>("--quiet")
        {
            Description = "Do not show connections, requests and replies ([SIM] lines); only what the board prints.",
        };

        /// <summary>Builds the root command.</summary>
        /// <param name="run">Runs the simulator.</param>
        /// <param name="makeDemoPki">Writes a throwaway PKI: folder, DNS name.</param>
        /// <returns>The command.</returns>
        public RootCommand CreateCommand(Func<ParseResult, int> run, Action<string, string> makeDemoPki)
        {
            RootCommand root = new RootCommand(
                "WWEP device simulator: the ESP32 firmware's logic on this PC. A key press is the button, a console line "
                + "the LED; each press stores the LED state on the WWEP server (register 05) over plain TCP or TLS.")
            {
                Host, FallbackIp, TlsName, PlainPort, TlsPort, Mode, ClientCert, Ca, DeviceCert, DeviceKey, Mac, Clock,
                Presses, Interval, ConnectTimeout, ReplyTimeout, Attempts, SntpPort, NoServerTime, InternetTimeWait, Quiet,
                LongPress, AtBoot, NoBlinkCodes,
            };
            foreach (Option option in root.Options)
            {
                // System.CommandLine's own refusal of "abc" names .NET types (System.Nullable`1[...]); a person needs the option and a fix.
                if (option is Option<int> number)
                {
                    number.CustomParser = result => ReadWholeNumber(result) ?? 0;
                }
                else if (option is Option<int?> optionalNumber)
                {
                    optionalNumber.CustomParser = ReadWholeNumber;
                }
            }

            root.SetAction(run);

            Option<string> folder = new Option<string>("--out") { Description = "Folder to write the files to.", HelpName = "folder", Required = true };
            Option<string> name = new Option<string>("--name") { Description = "DNS name in the server certificate.", HelpName = "name", DefaultValueFactory = _ => "localhost" };
            Command demoPki = new Command("demo-pki", "Write a throwaway TEST ONLY CA and server certificate (ca.crt.pem, server.crt.pem, server.key.pem) for a local demo; never for real use.")
            {
                folder, name,
            };
            demoPki.SetAction(result =>
            {
                makeDemoPki(result.GetValue(folder)!, result.GetValue(name)!);
                return 0;
            });
            root.Subcommands.Add(demoPki);
            return root;
        }

        /// <summary>Reads a number option's value, or adds a one-line error naming the option and the fix.</summary>
        /// <param name="result">The option's tokens.</param>
        /// <returns>The number, or null when it is not one (the parse then carries the error).</returns>
        public static int? ReadWholeNumber(ArgumentResult result)
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            {
                return value;
            }

            string option = result.Parent is OptionResult parent ? parent.Option.Name : "the option";
            result.AddError(option + " '" + text + "' is not a whole number: write digits, e.g. " + option + " 5");
            return null;
        }

        /// <summary>The device settings the options describe.</summary>
        /// <param name="result">A successful parse.</param>
        /// <returns>The settings, not yet validated.</returns>
        /// <exception cref="SimulatorInputException">--mode is not one of the three.</exception>
        public WwepSettings ToSettings(ParseResult result)
        {
            WwepSettings settings = new WwepSettings
            {
                ServerHost = result.GetValue(Host) ?? Defaults.ServerHost,
                ServerFallbackIp = result.GetValue(FallbackIp) ?? string.Empty,
                TlsHostName = result.GetValue(TlsName) ?? string.Empty,
                PlainPort = result.GetValue(PlainPort),
                TlsPort = result.GetValue(TlsPort),
                Mode = ParseMode(result.GetValue(Mode)),
                UseClientCertificate = result.GetValue(ClientCert),
                ConnectTimeoutMilliseconds = result.GetValue(ConnectTimeout),
                ReplyTimeoutMilliseconds = result.GetValue(ReplyTimeout),
                MaxAttempts = result.GetValue(Attempts),
                SntpPort = result.GetValue(SntpPort),
                TimeFromServer = !result.GetValue(NoServerTime),
                InternetTimeWaitMilliseconds = result.GetValue(InternetTimeWait),
                LedAtBoot = ParseLedAtBoot(result.GetValue(AtBoot)),
                BlinkCodes = !result.GetValue(NoBlinkCodes),
            };

            // The board needs a pin for its second button; the simulator's is the t key.
            if (settings.Mode == LinkMode.TwoButton)
            {
                settings.SecondButtonPin = 4;
            }

            return settings;
        }

        /// <summary>The simulated clock's start, or null for this PC's clock.</summary>
        /// <param name="text">The --clock text.</param>
        /// <returns>The instant, UTC.</returns>
        /// <exception cref="SimulatorInputException">Not a date.</exception>
        public static DateTime? ParseClock(string? text)
        {
            if (text == null)
            {
                return null;
            }

            if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime start))
            {
                return DateTime.SpecifyKind(start, DateTimeKind.Utc);
            }

            throw new SimulatorInputException("--clock '" + text + "' is not a date: write it as 2020-01-01 or 2020-01-01T08:30:00 (UTC)");
        }

        private static WwepDevice.Core.Settings.LedAtBoot ParseLedAtBoot(string? text)
        {
            switch ((text ?? "off").ToLowerInvariant())
            {
                case "off":
                    return WwepDevice.Core.Settings.LedAtBoot.Off;
                case "restore":
                    return WwepDevice.Core.Settings.LedAtBoot.Restore;
                default:
                    throw new SimulatorInputException("--led-at-boot '" + text + "' is not a choice: use off or restore");
            }
        }

        private static LinkMode ParseMode(string? text)
        {
            switch ((text ?? "tls").ToLowerInvariant())
            {
                case "plain":
                    return LinkMode.Plain;
                case "tls":
                    return LinkMode.Tls;
                case "two-button":
                    return LinkMode.TwoButton;
                default:
                    throw new SimulatorInputException("--mode '" + text + "' is not a mode: use plain, tls or two-button");
            }
        }
    }
}
