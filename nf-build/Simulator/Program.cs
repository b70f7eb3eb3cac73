using System;
using System.CommandLine;
using System.IO;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Press;
using WwepDevice.Core.Protocol;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;

namespace WwepSimulator
{
    /// <summary>Entry point: parse the options, wire the firmware's logic to the PC, run the keyboard or the script.</summary>
    public static class Program
    {
        /// <summary>Exit code for bad input (options, files, settings).</summary>
        public const int BadInput = 2;

        /// <summary>Runs the simulator.</summary>
        /// <param name="args">See <c>--help</c>.</param>
        /// <returns>0 when the server has the final LED state, 1 when it does not, 2 for bad input.</returns>
        public static int Main(string[] args)
        {
            SimulatorCommandLine commandLine = new SimulatorCommandLine();
            RootCommand command = commandLine.CreateCommand(result => Guarded(() => Run(commandLine, result)), (folder, name) => DemoPki.Write(folder, name));
            ParseResult parsed = command.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (System.CommandLine.Parsing.ParseError error in parsed.Errors)
                {
                    Console.Error.WriteLine("error: " + error.Message + " (see --help)");
                }

                return BadInput;
            }

            return parsed.Invoke();
        }

        private static int Guarded(Func<int> run)
        {
            try
            {
                return run();
            }
            catch (SimulatorInputException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return BadInput;
            }
        }

        private static int Run(SimulatorCommandLine commandLine, ParseResult result)
        {
            TextWriter output = Console.Out;
            WwepSettings settings = commandLine.ToSettings(result);
            string[] problems = settings.Validate();
            if (problems.Length > 0)
            {
                foreach (string problem in problems)
                {
                    Console.Error.WriteLine("error: setting: " + problem);
                }

                return BadInput;
            }

            int? presses = result.GetValue(commandLine.Presses);
            int interval = result.GetValue(commandLine.Interval);
            if (presses.HasValue && presses.Value < 1)
            {
                throw new SimulatorInputException("--presses " + presses.Value.ToString() + ": give at least 1, or leave it out to use the keyboard");
            }

            if (interval < 0)
            {
                throw new SimulatorInputException("--interval " + interval.ToString() + ": milliseconds cannot be negative");
            }

            byte[] mac = MacSource.Choose(result.GetValue(commandLine.Mac));
            int deviceId = DeviceIdentity.FromMac(mac);
            SimulatedClock clock = new SimulatedClock(SimulatorCommandLine.ParseClock(result.GetValue(commandLine.Clock)));
            TlsCredentials? credentials = null;
            if (settings.UsesTls)
            {
                bool mutual = settings.UseClientCertificate;
                credentials = TlsCredentials.Load(
                    result.GetValue(commandLine.Ca) ?? RepositoryFiles.CertsFile("ca.crt.pem"),
                    mutual ? result.GetValue(commandLine.DeviceCert) ?? RepositoryFiles.CertsFile("device.crt.pem") : null,
                    mutual ? result.GetValue(commandLine.DeviceKey) ?? RepositoryFiles.CertsFile("device.key.pem") : null);
            }

            ILog log = new ConsoleLog(output);
            ExchangeTrace trace = new ExchangeTrace(result.GetValue(commandLine.Quiet) ? null : output);
            log.Write(LogLevel.Info, "device " + DeviceIdentity.ToHex(deviceId) + ", server " + settings.ServerHost + ", mode " + ModeName(settings.Mode));
            trace.Note("MAC " + BitConverter.ToString(mac).Replace('-', ':').ToLowerInvariant() + ", device clock " + clock.UtcNow.ToString("yyyy-MM-dd HH:mm:ss") + " UTC" + (clock.IsSimulated ? " (simulated)" : string.Empty)
                + (credentials != null ? ", trusting only " + credentials.Ca.Subject : string.Empty));

            HostTransport transport = new HostTransport(settings, credentials, deviceId, clock, log, trace);
            transport.Trust?.Report(settings.UsesTls, settings.UseClientCertificate, log);
            SimulatedDevice device = new SimulatedDevice(settings, deviceId, transport, clock, log, new ConsoleLed(output));
            device.Trust = transport.Trust;
            device.Facts = new DeviceFacts(
                "WwepSimulator (the firmware's core on this PC) built " + ClockSync.FormatTime(File.GetLastWriteTimeUtc(typeof(Program).Assembly.Location)),
                deviceId,
                mac,
                BoardSettingsLoader.SettingLines(settings, null, "simulator option"),
                clock.IsSimulated ? "--clock (simulated, running on from the time given)" : "this PC's clock",
                delegate { return "of this PC (simulated Wi-Fi)"; },
                delegate { return -1; });
            device.Start();

            // The network is up from the start; as on the board, an unset clock is then set before TLS needs it.
            device.NetworkUp(transport.Addresses, settings.UsesTls ? SimulatedTime.ClockSyncFor(settings, clock, transport.Addresses, log) : null);
            try
            {
                // The boot state is stored (or read) before the first press, as on a board whose button nobody touches yet.
                device.WaitUntilIdle(device.WorstCaseDelivery);
                bool twoButton = settings.Mode == LinkMode.TwoButton;
                return presses.HasValue
                    ? ScriptedPresses.Run(device, presses.Value, interval, twoButton, output, result.GetValue(commandLine.LongPress))
                    : KeyboardButtons.Run(device, twoButton, output);
            }
            finally
            {
                // The run is over when the presses are (or when q was typed): the network leaves with it, or the clock
                // keeper's 30 s retries on a thread of their own would keep the process alive after "done:".
                device.NetworkDown();
                device.Stop();
            }
        }

        private static string ModeName(LinkMode mode)
        {
            return mode == LinkMode.Plain ? "plain" : mode == LinkMode.Tls ? "TLS" : "two buttons (plain + TLS)";
        }
    }
}
