using nanoFramework.TestFramework;
using WwepDevice.Core.Network;
using WwepDevice.Core.Settings;

namespace WwepDevice.Tests
{
    [TestClass]
    public class SettingsTests
    {
        [TestMethod]
        public void DefaultsAreValidAndMatchTheCourse()
        {
            WwepSettings settings = new WwepSettings();
            Assert.AreEqual(0, settings.Validate().Length, Joined(settings.Validate()));
            Assert.AreEqual(27708, settings.PlainPort);
            Assert.AreEqual(40508, settings.TlsPort);
            Assert.AreEqual(2, settings.LedPin);
            Assert.AreEqual(0, settings.ButtonPin);
            Assert.AreEqual((int)LinkMode.Tls, (int)settings.Mode);
            Assert.AreEqual(string.Empty, settings.WifiPassword, "no credentials in the defaults");
        }

        [TestMethod]
        public void TimeFromTheServerIsOnByDefaultOnTheNtpPort()
        {
            WwepSettings settings = new WwepSettings();
            Assert.IsTrue(settings.TimeFromServer);
            Assert.AreEqual(123, settings.SntpPort);
            Assert.AreEqual(0, settings.InternetTimeWaitMilliseconds);
        }

        [TestMethod]
        public void ABadSntpPortIsNamedOnlyWhenItIsUsed()
        {
            WwepSettings settings = new WwepSettings();
            settings.SntpPort = 70000;
            string[] problems = settings.Validate();
            Assert.AreEqual(1, problems.Length, Joined(problems));
            Assert.AreEqual("SntpPort is 70000: it must be 1 to 65535", problems[0]);
            settings.TimeFromServer = false;
            Assert.AreEqual(0, settings.Validate().Length);
        }

        [TestMethod]
        public void TlsHostNameDefaultsToTheServerHost()
        {
            WwepSettings settings = new WwepSettings();
            settings.ServerHost = "classroom.example";
            Assert.AreEqual("classroom.example", settings.EffectiveTlsHostName);
            settings.TlsHostName = "wwep.lab";
            Assert.AreEqual("wwep.lab", settings.EffectiveTlsHostName);
        }

        [TestMethod]
        public void EachProblemIsNamedWithItsFix()
        {
            WwepSettings settings = new WwepSettings();
            settings.ServerHost = string.Empty;
            settings.ServerFallbackIp = "192.168.1";
            settings.TlsPort = settings.PlainPort;
            settings.LedPin = 0;
            settings.DebounceMilliseconds = -5;
            string[] problems = settings.Validate();
            string all = Joined(problems);
            Assert.IsTrue(problems.Length >= 5, all);
            Assert.IsTrue(all.IndexOf("ServerHost is empty") >= 0, all);
            Assert.IsTrue(all.IndexOf("ServerFallbackIp '192.168.1' is not an IPv4 address") >= 0, all);
            Assert.IsTrue(all.IndexOf("PlainPort and TlsPort are both 27708") >= 0, all);
            Assert.IsTrue(all.IndexOf("ButtonPin and LedPin are both GPIO0") >= 0, all);
            Assert.IsTrue(all.IndexOf("DebounceMilliseconds is -5") >= 0, all);
        }

        [TestMethod]
        public void TlsCannotVerifyAnIpAddress()
        {
            WwepSettings settings = new WwepSettings();
            settings.ServerHost = "10.0.0.5";
            string all = Joined(settings.Validate());
            Assert.IsTrue(all.IndexOf("set TlsHostName") >= 0, all);
            settings.TlsHostName = "wwep.local";
            Assert.AreEqual(0, settings.Validate().Length, Joined(settings.Validate()));
        }

        [TestMethod]
        public void TwoButtonModeNeedsASecondFreePin()
        {
            WwepSettings settings = new WwepSettings();
            settings.Mode = LinkMode.TwoButton;
            Assert.IsTrue(Joined(settings.Validate()).IndexOf("needs SecondButtonPin") >= 0);
            settings.SecondButtonPin = 2;
            Assert.IsTrue(Joined(settings.Validate()).IndexOf("already used") >= 0);
            settings.SecondButtonPin = 4;
            Assert.AreEqual(0, settings.Validate().Length, Joined(settings.Validate()));
        }

        [TestMethod]
        public void FlashPinsAndMissingPinsAreRefused()
        {
            WwepSettings settings = new WwepSettings();
            settings.LedPin = 7;
            settings.ButtonPin = 40;
            string all = Joined(settings.Validate());
            Assert.IsTrue(all.IndexOf("LedPin GPIO7 is wired to the SPI flash") >= 0, all);
            Assert.IsTrue(all.IndexOf("ButtonPin GPIO40 does not exist") >= 0, all);
        }

        [TestMethod]
        public void InputOnlyPinsCannotDriveTheLed()
        {
            WwepSettings settings = new WwepSettings();
            settings.LedPin = 35;
            Assert.IsTrue(Joined(settings.Validate()).IndexOf("LedPin GPIO35 is input-only") >= 0);
            settings.LedPin = 4;
            Assert.AreEqual(0, settings.Validate().Length, Joined(settings.Validate()));
        }

        [TestMethod]
        public void PasswordWithoutNetworkNameIsRefused()
        {
            WwepSettings settings = new WwepSettings();
            settings.WifiPassword = "secret";
            Assert.IsTrue(Joined(settings.Validate()).IndexOf("WifiSsid is empty") >= 0);
        }

        [TestMethod]
        public void ClientCertificateNeedsTls()
        {
            WwepSettings settings = new WwepSettings();
            settings.Mode = LinkMode.Plain;
            settings.UseClientCertificate = true;
            Assert.IsTrue(Joined(settings.Validate()).IndexOf("a client certificate needs TLS") >= 0);
        }

        [TestMethod]
        public void EachButtonHasItsTransport()
        {
            WwepSettings settings = new WwepSettings();
            settings.Mode = LinkMode.TwoButton;
            Assert.AreEqual((int)TransportKind.Plain, (int)settings.TransportForButton(false));
            Assert.AreEqual((int)TransportKind.Tls, (int)settings.TransportForButton(true));
            settings.Mode = LinkMode.Tls;
            Assert.AreEqual((int)TransportKind.Tls, (int)settings.TransportForButton(false));
            settings.Mode = LinkMode.Plain;
            Assert.AreEqual((int)TransportKind.Plain, (int)settings.TransportForButton(true));
            Assert.AreEqual(27708, settings.PortFor(TransportKind.Plain));
            Assert.AreEqual(40508, settings.PortFor(TransportKind.Tls));
        }

        [DataRow("192.168.1.20", true)]
        [DataRow("0.0.0.0", true)]
        [DataRow("255.255.255.255", true)]
        [DataRow("256.1.1.1", false)]
        [DataRow("1.2.3", false)]
        [DataRow("1.2.3.4.5", false)]
        [DataRow("a.b.c.d", false)]
        [DataRow("1..2.3", false)]
        public void Ipv4AddressesAreRecognised(string text, bool expected)
        {
            Assert.AreEqual(expected, WwepSettings.IsIPv4(text), text);
        }

        private static string Joined(string[] lines)
        {
            string all = string.Empty;
            for (int i = 0; i < lines.Length; i++)
            {
                all = all + lines[i] + " | ";
            }

            return all;
        }
    }
}
