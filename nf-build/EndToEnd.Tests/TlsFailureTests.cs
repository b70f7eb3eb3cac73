using System;
using System.Linq;
using WwepDevice.Core.Settings;
using Xunit;

namespace WwepEndToEnd.Tests
{
    /// <summary>
    /// Certificate and identity faults against the real server: each prints the board's exact diagnosis line, sends
    /// nothing in the clear, crashes nothing, and the next press succeeds once the cause is fixed.
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class TlsFailureTests
    {
        private const string NotStoredPermanent = "[WWEP] ERROR LED ON not stored: this will fail again until the cause above is fixed; the next press tries again";
        private const string NotStoredAfterTwo = "[WWEP] ERROR LED ON not stored after 2 attempts; the next press or the network's return tries again";

        private readonly CraftedPki _pki;

        /// <summary>Gets the shared PKI.</summary>
        /// <param name="pki">The crafted certificates.</param>
        public TlsFailureTests(CraftedPki pki)
        {
            _pki = pki;
        }

        /// <summary>
        /// A server certificate from a foreign CA: unknown CA, no retry; fixed by the server's right certificate. The
        /// server names it too, in its log and on the classroom view: .NET's client (the simulator's) refuses the
        /// certificate after the handshake and closes without an alert, which is what the server can see.
        /// </summary>
        [Fact]
        public void WrongCaIsDiagnosedAndFixedByTheRightServerCertificate()
        {
            using WwepServerProcess server = new WwepServerProcess { WebPort = FreePort.Next() };
            server.Start(_pki.ForeignCaServer);
            using PlainPortSentinel plain = new PlainPortSentinel();
            using DeviceUnderTest device = new DeviceUnderTest(DeviceUnderTest.Settings(LinkMode.Tls, plain.Port, server.TlsPort), DeviceUnderTest.Credentials(_pki.ProjectCa));

            bool failed = device.PressAndSettle();

            Expect.NoCrash(device, failed, server);
            // The simulated board names the one CA it trusts as a board names its image's CA: subject in encoding order, expiry.
            using System.Security.Cryptography.X509Certificates.X509Certificate2 trusted = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(System.IO.File.ReadAllText(_pki.ProjectCa));
            string named = "'" + trusted.SubjectName.Decode(System.Security.Cryptography.X509Certificates.X500DistinguishedNameFlags.UseCommas) + "' (valid until " + trusted.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd") + ") embedded in the image";
            Expect.Printed(device, "[WWEP] ERROR TLS handshake with 127.0.0.1:" + server.TlsPort.ToString() + " failed [AuthenticationException, verify flags 0x0008 NOT_TRUSTED]: unknown CA: the server certificate is signed by none of the CAs this board trusts (" + named + "); embed the CA that issued it (dotnet run --project certs/tool -- embed), rebuild and deploy, or point the device at the right server");
            Expect.Printed(device, NotStoredPermanent);
            Assert.Equal(1, device.Controller.Sends);
            Assert.Equal("X", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));
            string logged = Assert.Single(server.LinesContaining("(closed-after-handshake)", 1));
            Assert.Contains("a .NET client, such as the simulator, that refuses this server's certificate or its name", logged);
            Assert.Contains("fix: give the client this server's CA (the simulator: --ca certs/ca.crt.pem; a board: dotnet run --project certs/tool -- embed, rebuild and deploy)", logged);
            // No request came, so no device ID: the view lists the failure apart, under its address, not as a board.
            string boards = server.BoardsJson("\"cause\":\"closed-after-handshake\"", "/api/unidentified");
            Assert.Contains("\"address\":\"127.0.0.1\"", boards);
            Assert.Contains("\"cause\":\"closed-after-handshake\"", boards);
            Assert.Contains("dotnet run --project certs/tool -- embed", boards);

            server.Kill();
            server.Start(_pki.ProjectServer);
            bool fixedRun = device.PressAndSettle();

            Expect.RecoveredOverTlsOnly(device, fixedRun, server, plain, false);
        }

        /// <summary>
        /// A server certificate that ended a day before the device clock (a one-day certificate, the device three days
        /// ahead): expired, no retry; fixed by restarting the server with a current certificate.
        /// </summary>
        [Fact]
        public void ExpiredServerCertificateIsDiagnosedAndFixedByAFreshOne()
        {
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(_pki.OneDayServer);
            using PlainPortSentinel plain = new PlainPortSentinel();
            DateTime deviceClock = DateTime.UtcNow.AddDays(3);
            using DeviceUnderTest device = new DeviceUnderTest(DeviceUnderTest.Settings(LinkMode.Tls, plain.Port, server.TlsPort), DeviceUnderTest.Credentials(_pki.ProjectCa), deviceClock);

            bool failed = device.PressAndSettle();

            Expect.NoCrash(device, failed, server);
            Expect.Printed(device, "[WWEP] ERROR TLS handshake with 127.0.0.1:" + server.TlsPort.ToString() + " failed [AuthenticationException, verify flags 0x0001 EXPIRED]: certificate expired: the server certificate ended before the device clock (" + deviceClock.ToString("yyyy-MM-dd") + "); reissue it (dotnet run --project certs/tool -- server) or correct the clock");
            Expect.Printed(device, NotStoredPermanent);
            Assert.Equal(1, device.Controller.Sends);

            server.Kill();
            server.Start(_pki.ProjectServer);
            bool fixedRun = device.PressAndSettle();

            Expect.RecoveredOverTlsOnly(device, fixedRun, server, plain, false);
        }

        /// <summary>
        /// A device clock three days behind a certificate issued during this run: not yet valid (retried, since a clock
        /// heals by SNTP); a device whose clock is right then stores its press on the same server.
        /// </summary>
        [Fact]
        public void CertificateNotYetValidForAClockBehindIsDiagnosedAndFixedByTheRightClock()
        {
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(_pki.IssuedNowServer);
            using PlainPortSentinel plain = new PlainPortSentinel();
            WwepSettings settings = DeviceUnderTest.Settings(LinkMode.Tls, plain.Port, server.TlsPort);
            DateTime behind = DateTime.UtcNow.AddDays(-3);
            bool failed;
            using (DeviceUnderTest device = new DeviceUnderTest(settings, DeviceUnderTest.Credentials(_pki.ProjectCa), behind))
            {
                failed = device.PressAndSettle();

                Expect.NoCrash(device, failed, server);
                string diagnosis = "TLS handshake with 127.0.0.1:" + server.TlsPort.ToString() + " failed [AuthenticationException, verify flags 0x0200 FUTURE]: certificate not yet valid: it starts after the device clock (" + behind.ToString("yyyy-MM-dd") + "); the clock is behind or the certificate was issued for the future";
                Assert.Contains(device.BoardLines, line => line.StartsWith("[WWEP] WARN  " + diagnosis + " (attempt 1 of 2, retrying in ", StringComparison.Ordinal));
                Expect.Printed(device, "[WWEP] ERROR " + diagnosis);
                Expect.Printed(device, NotStoredAfterTwo);
                Assert.Equal(2, device.Controller.Sends);
            }

            // SNTP set the clock: the same board, its clock right.
            using DeviceUnderTest corrected = new DeviceUnderTest(settings, DeviceUnderTest.Credentials(_pki.ProjectCa));
            bool fixedRun = corrected.PressAndSettle();

            Expect.RecoveredOverTlsOnly(corrected, fixedRun, server, plain, true);
        }

        /// <summary>The device verifies a name the server certificate lacks; reissuing the certificate with that name fixes it.</summary>
        [Fact]
        public void HostNameMismatchIsDiagnosedAndFixedByACertificateWithThatName()
        {
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(_pki.ProjectServer);
            using PlainPortSentinel plain = new PlainPortSentinel();
            WwepSettings settings = DeviceUnderTest.Settings(LinkMode.Tls, plain.Port, server.TlsPort);
            settings.TlsHostName = CraftedPki.RenamedHost;
            using DeviceUnderTest device = new DeviceUnderTest(settings, DeviceUnderTest.Credentials(_pki.ProjectCa));

            bool failed = device.PressAndSettle();

            Expect.NoCrash(device, failed, server);
            Expect.Printed(device, "[WWEP] ERROR TLS handshake with 127.0.0.1:" + server.TlsPort.ToString() + " failed [AuthenticationException, verify flags 0x0004 CN_MISMATCH]: name mismatch: the server certificate does not name 'wwep-e2e-renamed.test'; reissue it with that name (dotnet run --project certs/tool -- server --name wwep-e2e-renamed.test) or set TlsHostName to a name it carries");
            Expect.Printed(device, NotStoredPermanent);
            Assert.Equal(1, device.Controller.Sends);

            server.Kill();
            server.Start(_pki.RenamedServer);
            bool fixedRun = device.PressAndSettle();

            Expect.RecoveredOverTlsOnly(device, fixedRun, server, plain, false);
        }

        /// <summary>
        /// The server requires a client certificate and the device has none; a device with its certificate then succeeds.
        /// Under TLS 1.3 (what .NET and the server negotiate) the client's handshake ends before the server judges the
        /// client certificate, so the refusal arrives as a close or reset before the first reply byte; the firmware
        /// always retries it (a server that restarted looks the same), and its line names the missing client certificate as one cause.
        /// </summary>
        [Fact]
        public void MissingClientCertificateIsNamedAndFixedByTheDeviceCertificate()
        {
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(_pki.ProjectServer, _pki.ProjectCa);
            using PlainPortSentinel plain = new PlainPortSentinel();
            WwepSettings settings = DeviceUnderTest.Settings(LinkMode.Tls, plain.Port, server.TlsPort);
            using (DeviceUnderTest device = new DeviceUnderTest(settings, DeviceUnderTest.Credentials(_pki.ProjectCa)))
            {
                bool failed = device.PressAndSettle();

                Expect.NoCrash(device, failed, server);
                // Close or reset after the handshake (a race): always retried, and the line names the missing certificate.
                Assert.Contains(device.Lines, line => line.Contains("after the handshake, before any reply]: ", StringComparison.Ordinal) && line.Contains("or the server requires a client certificate (under TLS 1.3 it says so only by closing", StringComparison.Ordinal));
                Assert.Contains(device.Lines, line => line.Contains("LED ON not stored after 2 attempts; the next press or the network's return tries again", StringComparison.Ordinal));
                Assert.Equal(2, device.Controller.Sends);
                Assert.Contains(server.Lines, line => line.Contains("the board sent no device certificate, and this server requires one (--require-client-cert)", StringComparison.Ordinal) && line.EndsWith("(client-cert-missing)", StringComparison.Ordinal));
                Assert.Empty(server.TransactionsContaining(" W02E805", 0));
            }

            settings.UseClientCertificate = true;
            using DeviceUnderTest withCertificate = new DeviceUnderTest(settings, DeviceUnderTest.Credentials(_pki.ProjectCa, _pki.DeviceCert, _pki.DeviceKey));
            bool fixedRun = withCertificate.PressAndSettle();

            Expect.RecoveredOverTlsOnly(withCertificate, fixedRun, server, plain, true);
        }

        /// <summary>
        /// A client certificate for device 1234 writing device 02E8: the server answers X, the device does not retry;
        /// the device's own certificate (CN=02E8) then succeeds.
        /// </summary>
        [Fact]
        public void ClientCertificateForAnotherDeviceGetsXAndTheRightOneSucceeds()
        {
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(_pki.ProjectServer, _pki.ProjectCa);
            using PlainPortSentinel plain = new PlainPortSentinel();
            WwepSettings settings = DeviceUnderTest.Settings(LinkMode.Tls, plain.Port, server.TlsPort);
            settings.UseClientCertificate = true;
            using (DeviceUnderTest device = new DeviceUnderTest(settings, DeviceUnderTest.Credentials(_pki.ProjectCa, _pki.OtherDeviceCert, _pki.OtherDeviceKey)))
            {
                bool refused = device.PressAndSettle();

                Expect.NoCrash(device, refused, server);
                Expect.Printed(device, "[WWEP] ERROR server rejected W02E8050001 with X: it refuses this request (a client certificate for another device ID, or a server that does not accept register 05)");
                Expect.Printed(device, NotStoredPermanent);
                Assert.Equal(1, device.Controller.Sends);
                string[] refusals = server.TransactionsContaining(" W02E8050001 -> X", 1);
                Assert.Single(refusals);
                Assert.Contains(" TLS ", refusals[0]);
                Assert.Equal("X", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));
            }

            using DeviceUnderTest rightCertificate = new DeviceUnderTest(settings, DeviceUnderTest.Credentials(_pki.ProjectCa, _pki.DeviceCert, _pki.DeviceKey));
            bool fixedRun = rightCertificate.PressAndSettle();

            Expect.RecoveredOverTlsOnly(rightCertificate, fixedRun, server, plain, true);
        }
    }
}
