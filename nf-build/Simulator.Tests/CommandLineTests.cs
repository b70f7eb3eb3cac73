using System;
using WwepDevice.Core.Protocol;
using WwepDevice.Core.Settings;
using Xunit;

namespace WwepSimulator.Tests
{
    /// <summary>The options turn into the board's settings, and bad input is refused with a fix.</summary>
    public sealed class CommandLineTests
    {
        [Fact]
        public void OptionsBecomeTheBoardsSettingsAndTheRestKeepTheBoardsDefaults()
        {
            SimulatorCommandLine commandLine = new SimulatorCommandLine();
            var parsed = commandLine.CreateCommand(_ => 0, (_, _) => { }).Parse(new[] { "--host", "192.168.1.20", "--tls-name", "wwep.lab", "--mode", "two-button", "--attempts", "3" });

            WwepSettings settings = commandLine.ToSettings(parsed);

            Assert.Empty(parsed.Errors);
            Assert.Equal("192.168.1.20", settings.ServerHost);
            Assert.Equal("wwep.lab", settings.EffectiveTlsHostName);
            Assert.Equal(LinkMode.TwoButton, settings.Mode);
            Assert.Equal(3, settings.MaxAttempts);
            Assert.Equal(new WwepSettings().TlsPort, settings.TlsPort);
            Assert.Empty(settings.Validate());
        }

        [Fact]
        public void AnUnknownModeNamesTheThreeThatExist()
        {
            SimulatorCommandLine commandLine = new SimulatorCommandLine();
            var parsed = commandLine.CreateCommand(_ => 0, (_, _) => { }).Parse(new[] { "--mode", "udp" });

            SimulatorInputException error = Assert.Throws<SimulatorInputException>(() => commandLine.ToSettings(parsed));

            Assert.Contains("use plain, tls or two-button", error.Message);
        }

        [Fact]
        public void ClockIsReadAsUtc()
        {
            Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), SimulatorCommandLine.ParseClock("2020-01-01"));
            Assert.Null(SimulatorCommandLine.ParseClock(null));
            Assert.Throws<SimulatorInputException>(() => SimulatorCommandLine.ParseClock("yesterday"));
        }

        [Fact]
        public void MalformedMacIsRefusedWithTheOptionNamed()
        {
            SimulatorInputException error = Assert.Throws<SimulatorInputException>(() => MacSource.Choose("24:0a:zz"));

            Assert.StartsWith("--mac: ", error.Message);
            Assert.Equal(DeviceIdentity.FromMac(DeviceIdentity.ParseMac("24:0a:c4:12:34:56")), DeviceIdentity.FromMac(MacSource.Choose("24:0a:c4:12:34:56")));
        }

        [Fact]
        public void ANumberOptionThatIsNotANumberGivesOneLineWithoutTypeNamesAndDefaultsStay()
        {
            SimulatorCommandLine commandLine = new SimulatorCommandLine();
            var parsed = commandLine.CreateCommand(_ => 0, (_, _) => { }).Parse(new[] { "--presses", "abc" });

            string message = Assert.Single(parsed.Errors).Message;
            Assert.Equal("--presses 'abc' is not a whole number: write digits, e.g. --presses 5", message);
            Assert.Equal(1000, commandLine.CreateCommand(_ => 0, (_, _) => { }).Parse(new string[0]).GetValue(commandLine.Interval));
        }
    }
}
