using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using WwepDevice.Core.Settings;
using Xunit;

namespace WwepSimulator.Tests
{
    /// <summary>
    /// The whole simulated device (the firmware's controller and sender with the simulator's adapters) driven by
    /// scripted presses against a WWEP responder on loopback.
    /// </summary>
    public sealed class ScriptedPressesTests
    {
        private static (int ExitCode, SimulatedDevice Device, string Output) Run(LoopbackResponder responder, LinkMode mode, X509Certificate2? ca, int presses)
        {
            StringWriter output = new StringWriter();
            TextWriter synchronized = TextWriter.Synchronized(output);
            WwepSettings settings = TestDevice.Settings(mode, responder.Port);
            SimulatedClock clock = new SimulatedClock(null);
            SimulatedDevice device = new SimulatedDevice(settings, TestDevice.DeviceId, TestDevice.Transport(settings, ca, clock, synchronized), clock, new ConsoleLog(synchronized), new ConsoleLed(synchronized));
            device.Start();
            try
            {
                int exitCode = ScriptedPresses.Run(device, presses, 150, false, synchronized);
                return (exitCode, device, output.ToString());
            }
            finally
            {
                device.Stop();
            }
        }

        [Fact]
        public void EveryPressOverPlainTcpIsAcknowledgedAndTheServerHoldsTheFinalState()
        {
            using LoopbackResponder responder = new LoopbackResponder(null, LoopbackResponder.Behaviour.Accept);

            var (exitCode, device, output) = Run(responder, LinkMode.Plain, null, 3);

            Assert.Equal(0, exitCode);
            Assert.True(device.Controller.LedOn);
            Assert.Equal(1, responder.LastValue);
            Assert.Equal(3, device.Controller.Presses);

            // Presses that come during a send collapse into one send of the newest state, so the count the device
            // reports is checked against what the server really stored, not against the presses.
            Assert.True(device.Controller.Acknowledged >= 1);
            Assert.Equal(responder.WritesAccepted, device.Controller.Acknowledged);
            Assert.Contains("[SIM] request W02E8050001", output);
            Assert.Contains("[SIM] reply   A02E8050001", output);
            Assert.Contains("[WWEP] LED ON stored on the server (plain, attempt 1)", output);
        }

        [Fact]
        public void PressesOverTlsAreAcknowledgedWithTheFinalStateOff()
        {
            using X509Certificate2 ca = TestCertificates.Ca("project CA");
            using X509Certificate2 server = TestCertificates.Server(ca, "localhost");
            using LoopbackResponder responder = new LoopbackResponder(server, LoopbackResponder.Behaviour.Accept);

            var (exitCode, device, output) = Run(responder, LinkMode.Tls, ca, 2);

            Assert.Equal(0, exitCode);
            Assert.False(device.Controller.LedOn);
            Assert.Equal(0, responder.LastValue);
            Assert.Equal(responder.WritesAccepted, device.Controller.Acknowledged);
            Assert.Contains("stored on the server (TLS, attempt 1)", output);
        }

        [Fact]
        public void ARejectedWriteEndsWithExitCodeOneAndTheBoardsDiagnosis()
        {
            using LoopbackResponder responder = new LoopbackResponder(null, LoopbackResponder.Behaviour.Reject);

            var (exitCode, device, output) = Run(responder, LinkMode.Plain, null, 1);

            Assert.Equal(1, exitCode);
            Assert.Equal(0, device.Controller.Acknowledged);
            Assert.True(device.Controller.HasUndelivered);
            Assert.Contains("[WWEP] ERROR server rejected W02E8050001 with X", output);
            Assert.Contains("final state was NOT stored", output);
        }

        [Fact]
        public void AnUntrustedServerIsNotRetriedAndEndsWithExitCodeOne()
        {
            using X509Certificate2 projectCa = TestCertificates.Ca("project CA");
            using X509Certificate2 otherCa = TestCertificates.Ca("other CA");
            using X509Certificate2 server = TestCertificates.Server(otherCa, "localhost");
            using LoopbackResponder responder = new LoopbackResponder(server, LoopbackResponder.Behaviour.Accept);

            var (exitCode, device, output) = Run(responder, LinkMode.Tls, projectCa, 1);

            Assert.Equal(1, exitCode);
            Assert.Equal(1, device.Controller.Sends);
            Assert.Equal(0, responder.WritesAccepted);
            Assert.Contains("[WWEP] ERROR TLS handshake with localhost:", output);
            // The line names the CA the simulated board trusts (its --ca), as the boot lines do, not a generic one.
            string trusted = "'" + projectCa.SubjectName.Decode(X500DistinguishedNameFlags.UseCommas) + "' (valid until " + projectCa.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd") + ")";
            Assert.Contains("unknown CA: the server certificate is signed by none of the CAs this board trusts (" + trusted + " embedded in the image)", output);
        }
    }
}
