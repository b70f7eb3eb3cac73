using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using WwepDevice.Core.Network;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;
using Xunit;

namespace WwepSimulator.Tests
{
    /// <summary>
    /// The TLS adapter against a real SslStream server on loopback: each certificate problem must come out as the
    /// mbedTLS verification flags the board would report, in the board's diagnosis line.
    /// </summary>
    public sealed class TlsFailureTranslationTests
    {
        private static WwepTransportException ConnectExpectingFailure(X509Certificate2 serverCertificate, X509Certificate2 trustedCa, DateTime? clockStart, string tlsName = "")
        {
            using LoopbackResponder server = new LoopbackResponder(serverCertificate, LoopbackResponder.Behaviour.Accept);
            WwepSettings settings = TestDevice.Settings(LinkMode.Tls, server.Port);
            settings.TlsHostName = tlsName;
            HostTransport transport = TestDevice.Transport(settings, trustedCa, new SimulatedClock(clockStart), TextWriter.Null);
            return Assert.Throws<WwepTransportException>(() => transport.Connect(TransportKind.Tls));
        }

        private static string ExpectedLine(int port, int flags, TlsFailureCause cause, string verifiedName, DateTime clock)
        {
            return TlsDiagnosis.Line("localhost", port, TlsDiagnosis.FlagsEvidence("AuthenticationException", flags), TlsDiagnosis.Explain(cause, verifiedName, TestDevice.DeviceId, clock));
        }

        [Fact]
        public void ServerCertificateFromAnotherCaIsReportedAsNotTrusted()
        {
            using X509Certificate2 projectCa = TestCertificates.Ca("project CA");
            using X509Certificate2 otherCa = TestCertificates.Ca("other CA");
            using X509Certificate2 server = TestCertificates.Server(otherCa, "localhost");

            WwepTransportException failure = ConnectExpectingFailure(server, projectCa, null);

            Assert.Equal(TransportFailure.TlsHandshake, failure.Failure);
            Assert.Equal(TlsFailureCause.UnknownCa, failure.TlsCause);
            Assert.Contains("verify flags 0x0008 NOT_TRUSTED]", failure.Message);
            Assert.StartsWith("TLS handshake with localhost:", failure.Message);
            // The simulated board names the one CA it trusts, its --ca, as a board names its image's CA.
            EmbeddedCa trusted = new EmbeddedCa(projectCa.SubjectName.Decode(X500DistinguishedNameFlags.UseCommas), projectCa.NotAfter.ToUniversalTime());
            Assert.EndsWith(TlsDiagnosis.ExplainUnknownCa(new TrustedCas(trusted, TrustedCas.NoneStored)), failure.Message);
            Assert.Contains("CN=project CA", failure.Message);
        }

        [Fact]
        public void ServerCertificateForAnotherNameIsReportedAsNameMismatch()
        {
            using X509Certificate2 projectCa = TestCertificates.Ca("project CA");
            using X509Certificate2 server = TestCertificates.Server(projectCa, "other.example");
            using LoopbackResponder responder = new LoopbackResponder(server, LoopbackResponder.Behaviour.Accept);
            WwepSettings settings = TestDevice.Settings(LinkMode.Tls, responder.Port);
            HostTransport transport = TestDevice.Transport(settings, projectCa, new SimulatedClock(null), TextWriter.Null);

            WwepTransportException failure = Assert.Throws<WwepTransportException>(() => transport.Connect(TransportKind.Tls));

            Assert.Equal(TlsFailureCause.NameMismatch, failure.TlsCause);
            Assert.Equal(ExpectedLine(responder.Port, TlsDiagnosis.FlagNameMismatch, TlsFailureCause.NameMismatch, "localhost", DateTime.UtcNow), failure.Message);
        }

        [Fact]
        public void TlsHostNameIsTheNameVerified()
        {
            using X509Certificate2 projectCa = TestCertificates.Ca("project CA");
            using X509Certificate2 server = TestCertificates.Server(projectCa, "localhost");

            WwepTransportException failure = ConnectExpectingFailure(server, projectCa, null, "wwep.example");

            Assert.Equal(TlsFailureCause.NameMismatch, failure.TlsCause);
            Assert.Contains("does not name 'wwep.example'", failure.Message);
        }

        [Fact]
        public void DeviceClockBeforeTheCertificateStartsIsReportedAsFuture()
        {
            using X509Certificate2 projectCa = TestCertificates.Ca("project CA");
            using X509Certificate2 server = TestCertificates.Server(projectCa, "localhost", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            DateTime behind = DateTime.UtcNow.AddDays(-20);

            WwepTransportException failure = ConnectExpectingFailure(server, projectCa, behind);

            Assert.Equal(TlsFailureCause.CertificateNotYetValid, failure.TlsCause);
            Assert.Contains("verify flags 0x0200 FUTURE]", failure.Message);
            Assert.Contains("(" + TlsDiagnosis.FormatDate(behind) + ")", failure.Message);
        }

        [Fact]
        public void DeviceClockAfterTheCertificateEndsIsReportedAsExpired()
        {
            using X509Certificate2 projectCa = TestCertificates.Ca("project CA");
            using X509Certificate2 server = TestCertificates.Server(projectCa, "localhost", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

            WwepTransportException failure = ConnectExpectingFailure(server, projectCa, DateTime.UtcNow.AddDays(60));

            Assert.Equal(TlsFailureCause.CertificateExpired, failure.TlsCause);
            Assert.Contains("verify flags 0x0001 EXPIRED]", failure.Message);
        }

        [Fact]
        public void ServerHangingUpDuringTheHandshakeIsReportedAsHandshakeReset()
        {
            using X509Certificate2 projectCa = TestCertificates.Ca("project CA");
            using LoopbackResponder responder = new LoopbackResponder(null, LoopbackResponder.Behaviour.HangUpMidHandshake);
            HostTransport transport = TestDevice.Transport(TestDevice.Settings(LinkMode.Tls, responder.Port), projectCa, new SimulatedClock(null), TextWriter.Null);

            WwepTransportException failure = Assert.Throws<WwepTransportException>(() => transport.Connect(TransportKind.Tls));

            Assert.Equal(TransportFailure.TlsHandshake, failure.Failure);
            Assert.Equal(TlsFailureCause.HandshakeReset, failure.TlsCause);
            Assert.Contains("mbedTLS -0x", failure.Message);
        }

        [Fact]
        public void ValidCertificateFromTheProjectCaConnects()
        {
            using X509Certificate2 projectCa = TestCertificates.Ca("project CA");
            using X509Certificate2 server = TestCertificates.Server(projectCa, "localhost");
            using LoopbackResponder responder = new LoopbackResponder(server, LoopbackResponder.Behaviour.Accept);
            StringWriter output = new StringWriter();
            HostTransport transport = TestDevice.Transport(TestDevice.Settings(LinkMode.Tls, responder.Port), projectCa, new SimulatedClock(null), output);

            IWwepConnection connection = transport.Connect(TransportKind.Tls);
            connection.Close();

            Assert.Contains("verified for 'localhost' against the project CA", output.ToString());
        }

        [Fact]
        public void NothingListeningIsReportedAsConnectFailed()
        {
            int port;
            using (LoopbackResponder closed = new LoopbackResponder(null, LoopbackResponder.Behaviour.Accept))
            {
                port = closed.Port;
            }

            HostTransport transport = TestDevice.Transport(TestDevice.Settings(LinkMode.Plain, port), null, new SimulatedClock(null), TextWriter.Null);

            WwepTransportException failure = Assert.Throws<WwepTransportException>(() => transport.Connect(TransportKind.Plain));

            Assert.Equal(TransportFailure.ConnectFailed, failure.Failure);
            Assert.StartsWith("cannot connect to 127.0.0.1:" + port.ToString() + " (refused or unreachable; the firmware's code 10061 may be stale)", failure.Message);
        }
    }
}
