using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using FaultSimulation;
using WwepDevice.Core.Press;
using WwepDevice.Core.Settings;

namespace WwepEndToEnd.Tests
{
    /// <summary>
    /// One seed of the fault simulation's schedules on real sockets: the simulator's device (the firmware's core wired
    /// as the simulator wires it) in plain mode, a <see cref="FaultProxy"/> playing the seed's first connection faults
    /// in front of a real WwepServer process, and the seed's presses and Wi-Fi losses on a compressed clock. The
    /// invariants of nf-build/README.md are checked from the server's register, the proxy's view and the device's log.
    /// </summary>
    public static class SocketSeed
    {
        /// <summary>How many of the seed's connection faults are played (each costs real time).</summary>
        public const int FaultsPlayed = 6;

        // The seed's virtual milliseconds per real millisecond: a 120 s schedule plays in under 3 s.
        private const int TimeScale = 50;

        // A press that waited on the network would take at least the reply timeout.
        private const int PressLimitMilliseconds = 500;

        // The campaign's own reading of a failure line's class (README's blink codes): the network down; the server
        // reached but not taking the state (an X, a close without a reply); the server out of reach.
        private static readonly string[] NetworkDownWords = { "network down:" };
        private static readonly string[] RefusedWords = { "rejected", "without replying", "bad reply" };
        private static readonly string[] UnreachableWords = { "cannot connect", "no answer", "no reply", " lost (" };

        /// <summary>The device's settings: loopback, short timeouts, the board's five attempts.</summary>
        /// <param name="port">The proxy's port.</param>
        /// <returns>The settings.</returns>
        public static WwepSettings Settings(int port)
        {
            WwepSettings settings = DeviceUnderTest.Settings(LinkMode.Plain, port, port + 1);
            settings.ConnectTimeoutMilliseconds = 600;
            settings.ReplyTimeoutMilliseconds = 600;
            settings.MaxAttempts = 5;
            settings.InitialBackoffMilliseconds = 50;
            settings.MaxBackoffMilliseconds = 400;
            return settings;
        }

        /// <summary>The faults the proxy plays for a seed: its first ones, TLS-only ones working (the run is plain).</summary>
        /// <param name="schedule">The seed's schedule.</param>
        /// <returns>The faults of connection 1, 2, ...</returns>
        public static List<Fault> FaultsOf(Schedule schedule)
        {
            return schedule.Faults.Take(FaultsPlayed)
                .Select(f => f == Fault.SlowHandshake || f == Fault.HandshakeReset || f == Fault.HandshakeUnknownCa || f == Fault.HandshakeOutOfMemory ? Fault.None : f)
                .ToList();
        }

        /// <summary>Runs one seed.</summary>
        /// <param name="seed">The seed.</param>
        /// <param name="server">The running server (the proxy may kill and restart it).</param>
        /// <param name="certificate">The server's certificate, for a restart.</param>
        /// <returns>Null when every invariant held; otherwise what broke, the schedule, the proxy's exchanges and the log.</returns>
        public static string? Run(int seed, WwepServerProcess server, ServerCertificate certificate)
        {
            Schedule schedule = Schedule.FromSeed(seed);
            List<Fault> faults = FaultsOf(schedule);
            var problems = new List<string>();
            using FaultProxy proxy = new FaultProxy(server, certificate, faults, 5);
            WwepSettings settings = Settings(proxy.Port);
            using (DeviceUnderTest device = new DeviceUnderTest(settings, null))
            {
                // As Program does: until Wi-Fi says it is up the network is down.
                device.Controller.OnNetworkDown();
                Play(schedule, device, proxy, problems);
                Settled(device, proxy, problems, "after the schedule");

                // (1) The faults are over and the server reachable: the network's return delivers the LED in time.
                proxy.FaultsOver();
                device.NetworkDown();
                proxy.Wifi(true);
                device.NetworkUp();
                if (!device.Settle())
                {
                    problems.Add("invariant (1) the server's register equals the LED after the faults: the device was still busy after the retry bound");
                }

                string want = "A02E805000" + (device.Controller.LedOn ? "1" : "0");
                string held = RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id);
                if (held != want)
                {
                    problems.Add("invariant (1) the server's register equals the LED after the faults: LED " + want + ", server " + held);
                }

                Settled(device, proxy, problems, "after the faults");
                CheckBackoffs(device, settings, problems);
                problems.AddRange(proxy.Violations);
                if (problems.Count == 0)
                {
                    return null;
                }

                return "seed " + seed.ToString() + " on sockets: " + string.Join("; ", problems) + Environment.NewLine
                    + "  faults played: " + string.Join(", ", faults) + Environment.NewLine
                    + schedule.Describe() + Environment.NewLine
                    + "  proxy: " + string.Join(" | ", proxy.Exchanges) + Environment.NewLine
                    + "  device log:" + Environment.NewLine + "    " + string.Join(Environment.NewLine + "    ", device.Lines.TakeLast(40));
            }
        }

        // The seed's presses (a hold over 3 s is a long press) and Wi-Fi changes, at their compressed times.
        private static void Play(Schedule schedule, DeviceUnderTest device, FaultProxy proxy, List<string> problems)
        {
            Stopwatch clock = Stopwatch.StartNew();
            bool led = false;
            bool wifiUp = false;
            int presses = 0;
            var pressedAt = new Dictionary<int, long>();
            foreach (ScheduledEvent e in schedule.Events)
            {
                long due = e.AtMilliseconds / TimeScale;
                if (e.Kind == EventKind.Press)
                {
                    // A press is played at its release, when its hold is known.
                    pressedAt[e.Button] = e.AtMilliseconds;
                    continue;
                }

                long wait = due - clock.ElapsedMilliseconds;
                if (wait > 0)
                {
                    Thread.Sleep((int)wait);
                }

                switch (e.Kind)
                {
                    case EventKind.Release:
                        bool isLong = e.AtMilliseconds - pressedAt[e.Button] > PressRecognizer.LongPressMilliseconds;
                        led = !led;
                        presses++;
                        proxy.Pressed(led ? 1 : 0);
                        Stopwatch press = Stopwatch.StartNew();
                        if (isLong)
                        {
                            device.LongPress();
                        }
                        else
                        {
                            device.Press();
                        }

                        // (5) The press path returns at once whatever the proxy is doing to the worker's connection.
                        if (press.ElapsedMilliseconds > PressLimitMilliseconds)
                        {
                            problems.Add("invariant (5) a press is never delayed by the network: a press took " + press.ElapsedMilliseconds.ToString() + " ms");
                        }

                        if (isLong)
                        {
                            proxy.FreshAttempts();
                        }

                        if (device.Controller.LedOn != led)
                        {
                            problems.Add("invariant (2) the LED toggles once per press and never otherwise: press " + presses.ToString() + " left the LED " + (device.Controller.LedOn ? "ON" : "OFF"));
                        }

                        break;
                    case EventKind.WifiDown:
                        if (wifiUp)
                        {
                            wifiUp = false;
                            device.NetworkDown();
                            proxy.Wifi(false);
                        }

                        break;
                    case EventKind.WifiUp:
                        if (!wifiUp)
                        {
                            wifiUp = true;
                            proxy.Wifi(true);
                            device.NetworkUp();
                        }

                        break;
                }
            }

            if (device.Controller.Presses != presses)
            {
                problems.Add("invariant (2) the LED toggles once per press and never otherwise: " + presses.ToString() + " presses, " + device.Controller.Presses.ToString() + " handled");
            }
        }

        // (4) Once the worker is idle: a code exactly while the LED's state is not acknowledged, of the last failure's class.
        private static void Settled(DeviceUnderTest device, FaultProxy proxy, List<string> problems, string when)
        {
            if (!device.Settle())
            {
                problems.Add("invariant (1) the server's register equals the LED after the faults: the worker was still busy " + when);
                return;
            }

            // The proxy records an exchange once its connection is closed, a moment after the device read the reply.
            proxy.WaitForHandlers();
            int led = device.Controller.LedOn ? 1 : 0;
            bool delivered = proxy.AckedSincePress || proxy.KnowsStored(led) || device.Controller.Presses == 0 && device.Controller.Sends == 0;
            int code = device.Controller.BlinkCode;
            string[] lines = device.Lines;
            if (code == BlinkCodes.None)
            {
                if (!delivered)
                {
                    problems.Add("invariant (4) a blink code is shown exactly while a final state is undelivered: " + when + ", LED " + led.ToString() + " is not acknowledged and no code is shown");
                }

                return;
            }

            if (delivered)
            {
                problems.Add("invariant (4) a blink code is shown exactly while a final state is undelivered: " + when + ", code " + code.ToString() + " while LED " + led.ToString() + " is acknowledged");
            }

            // The class, judged here from the last failure the device logged: network down 2, an X 6, else unreachable 3.
            string? failure = lines.LastOrDefault(line => line.StartsWith("[WWEP]", StringComparison.Ordinal) && (Mentions(line, NetworkDownWords) || Mentions(line, RefusedWords) || Mentions(line, UnreachableWords)));
            int want = failure == null ? -1 : Mentions(failure, NetworkDownWords) ? BlinkCodes.Network : Mentions(failure, RefusedWords) ? BlinkCodes.Refused : BlinkCodes.ServerUnreachable;
            string shown = "LED blink " + code.ToString() + ":";
            if (code != want || !lines.Any(line => line.StartsWith(shown, StringComparison.Ordinal)))
            {
                problems.Add("invariant (4) a blink code is shown exactly while a final state is undelivered, with the class of the last failure: " + when + ", code " + code.ToString() + ", the last failure '" + failure + "' is class " + want.ToString());
            }
        }

        private static bool Mentions(string line, string[] words)
        {
            return words.Any(word => line.Contains(word, StringComparison.Ordinal));
        }

        // (3) Each backoff the device logged lies within the policy's bounds.
        private static void CheckBackoffs(DeviceUnderTest device, WwepSettings settings, List<string> problems)
        {
            foreach (string line in device.Lines)
            {
                Match match = Regex.Match(line, @"retrying in (\d+) ms");
                if (match.Success)
                {
                    int delay = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (delay < settings.InitialBackoffMilliseconds / 2 || delay > settings.MaxBackoffMilliseconds)
                    {
                        problems.Add("invariant (3) backoff within the policy's bounds: " + line);
                    }
                }
            }
        }
    }
}
