using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    // Each case feeds the core what the real firmware throws from SslStream.AuthenticateAsClient:
    // nf-interpreter src/DeviceInterfaces/System.Net/sys_net_native_System_Net_Security_SslNative.cpp (2026 head):
    // InitHelper throws CryptographicException((int)SslError) for SslError 3..9 (src/PAL/Include/nanoPAL_Sockets.h),
    // SecureConnect throws CryptographicException(verify flags) after MBEDTLS_ERR_X509_CERT_VERIFY_FAILED
    // (ssl_generic.cpp SSL_Connect) or CryptographicException(negative mbedTLS code); firmware before #3460/#3468
    // threw SocketException whose ErrorCode is the mbedTLS code (nanoframework/Home#633).
    [TestClass]
    public class HandshakeFailureTests
    {
        [TestMethod]
        public void SetupFailedNineNamesBothReadingsAndIsRetried()
        {
            WwepTransportException failure = Board("CryptographicException", true, 9, false);
            Assert.AreEqual((int)TlsFailureCause.SetupFailed, (int)failure.TlsCause);
            Assert.IsTrue(failure.Message.IndexOf("SslError SetupFailed or verify flags EXPIRED|NOT_TRUSTED") >= 0, failure.Message);
            Assert.IsTrue(failure.Message.IndexOf("no contiguous heap") >= 0, failure.Message);
            Assert.IsFalse(PermanentAfter(failure), "memory can be free on the next attempt");
        }

        [TestMethod]
        public void NineIsNoLongerReportedAsAnUnknownCa()
        {
            WwepTransportException failure = Board("CryptographicException", true, 9, false);
            Assert.AreNotEqual((int)TlsFailureCause.UnknownCa, (int)failure.TlsCause);
            Assert.AreEqual(-1, failure.Message.IndexOf("embed the CA"));
        }

        [TestMethod]
        public void DrbgSeedThreeIsASetupErrorBecauseRevokedCannotOccur()
        {
            WwepTransportException failure = Board("CryptographicException", true, 3, false);
            Assert.AreEqual((int)TransportFailure.TlsSetup, (int)failure.Failure);
            Assert.AreEqual((int)TlsFailureCause.SetupFailed, (int)failure.TlsCause);
            Assert.IsTrue(failure.Message.IndexOf("SslError DrbgSeedFailed") >= 0, failure.Message);
        }

        [DataRow(6, "PrivateKeyParseFailed")]
        [DataRow(7, "CertificateParseFailed")]
        public void ParseErrorsPointAtTheEmbeddedCredentials(int code, string name)
        {
            WwepTransportException failure = Board("CryptographicException", true, code, true);
            Assert.AreEqual((int)TlsFailureCause.BadEmbeddedCredential, (int)failure.TlsCause);
            Assert.IsTrue(failure.Message.IndexOf(name) >= 0, failure.Message);
            Assert.IsTrue(PermanentAfter(failure));
        }

        [TestMethod]
        public void EightWithoutAClientCertificateCanOnlyBeNotTrusted()
        {
            WwepTransportException failure = Board("CryptographicException", true, 8, false);
            Assert.AreEqual((int)TlsFailureCause.UnknownCa, (int)failure.TlsCause);
            Assert.IsTrue(failure.Message.IndexOf("verify flags 0x0008 NOT_TRUSTED") >= 0, failure.Message);
            Assert.AreEqual(-1, failure.Message.IndexOf("OwnCertConfigFailed"));
        }

        [TestMethod]
        public void EightWithAClientCertificateNamesTheOwnCertificateReadingToo()
        {
            WwepTransportException failure = Board("CryptographicException", true, 8, true);
            Assert.AreEqual((int)TlsFailureCause.UnknownCa, (int)failure.TlsCause);
            Assert.IsTrue(failure.Message.IndexOf("OwnCertConfigFailed") >= 0, failure.Message);
            Assert.IsTrue(failure.Message.IndexOf("unknown CA") >= 0, failure.Message);
        }

        [TestMethod]
        public void FourReadsAsNameMismatchFirst()
        {
            WwepTransportException failure = Board("CryptographicException", true, 4, false);
            Assert.AreEqual((int)TlsFailureCause.NameMismatch, (int)failure.TlsCause);
            Assert.IsTrue(failure.Message.IndexOf("SslError ConfigDefaultsFailed or verify flags CN_MISMATCH") >= 0, failure.Message);
        }

        [DataRow(0x0200, 5)]
        [DataRow(0x01, 4)]
        [DataRow(0x0C, 2)]
        public void FlagsOutsideTheSetupRangeAreFlags(int flags, int cause)
        {
            WwepTransportException failure = Board("CryptographicException", true, flags, false);
            Assert.AreEqual(cause, (int)failure.TlsCause);
            Assert.IsTrue(failure.Message.IndexOf("verify flags") >= 0, failure.Message);
            Assert.AreEqual(-1, failure.Message.IndexOf("SslError"));
        }

        [TestMethod]
        public void FatalAlertWithoutClientCertificateNamesMutualTlsFirst()
        {
            WwepTransportException failure = Board("CryptographicException", true, -0x7780, false);
            Assert.AreEqual((int)TlsFailureCause.FatalAlert, (int)failure.TlsCause);
            Assert.AreEqual("TLS handshake with wwep.local:40508 failed [CryptographicException, mbedTLS -0x7780]: the server ended the handshake with a fatal alert and mbedTLS does not say which; it is one of: a server that requires a client certificate (mutual TLS: dotnet run --project certs/tool -- device --id 02E8, then -- embed --device, and set UseClientCertificate), no TLS version or cipher in common (this firmware speaks TLS 1.2 and 1.3 only; a TLS 1.0/1.1 server ends this way), or a server that does not serve the name 'wwep.local'; the server's log names the alert", failure.Message);
            Assert.IsTrue(PermanentAfter(failure));
        }

        [TestMethod]
        public void FatalAlertWithClientCertificateSuspectsThatCertificate()
        {
            WwepTransportException failure = Board("CryptographicException", true, -0x7780, true);
            Assert.IsTrue(failure.Message.IndexOf("it is one of: a refusal of this device's certificate") >= 0, failure.Message);
            Assert.IsTrue(failure.Message.IndexOf("its CN is not 02E8") >= 0, failure.Message);
        }

        [TestMethod]
        public void OlderFirmwareSocketExceptionCarriesTheMbedTlsCode()
        {
            WwepTransportException failure = Board("SocketException", true, -0x2700, false);
            Assert.AreEqual((int)TlsFailureCause.VerifyFailed, (int)failure.TlsCause);
            Assert.IsTrue(failure.Message.IndexOf("[SocketException, mbedTLS -0x2700, no verify flags]") >= 0, failure.Message);
        }

        [TestMethod]
        public void APositiveSocketErrorDuringTheHandshakeIsAReset()
        {
            WwepTransportException failure = Board("SocketException", true, 10054, false);
            Assert.AreEqual((int)TlsFailureCause.HandshakeReset, (int)failure.TlsCause);
            Assert.IsTrue(failure.Message.IndexOf("[SocketException 10054]") >= 0, failure.Message);
        }

        [TestMethod]
        public void AnExceptionWithoutCodeSaysSo()
        {
            WwepTransportException failure = Board("IOException", false, 0, false);
            Assert.AreEqual((int)TlsFailureCause.Unknown, (int)failure.TlsCause);
            Assert.IsTrue(failure.Message.IndexOf("[IOException]: the firmware gave no mbedTLS code") >= 0, failure.Message);
        }

        [TestMethod]
        public void OutOfMemoryIsRetried()
        {
            // SslError_OutOfMemory becomes CLR_E_OUT_OF_MEMORY, an OutOfMemoryException (SslNative.cpp InitHelper).
            WwepTransportException failure = Board("OutOfMemoryException", false, 0, false);
            Assert.AreEqual((int)TlsFailureCause.OutOfMemory, (int)failure.TlsCause);
            Assert.IsFalse(PermanentAfter(failure));
        }

        [TestMethod]
        public void EveryAllocationCodeIsOutOfMemoryAndRetried()
        {
            // mbedTLS 3.6 ALLOC_FAILED of SSL, X509, MPI, ECP and PK (include/mbedtls/*.h). The older native throws
            // SocketException with the code, the newer CryptographicException (nf-interpreter #3460).
            int[] codes = { -0x7F00, -0x2880, -0x0010, -0x4D80, -0x3F80 };
            foreach (int code in codes)
            {
                WwepTransportException older = Board("SocketException", true, code, false);
                WwepTransportException newer = Board("CryptographicException", true, code, false);
                Assert.AreEqual((int)TlsFailureCause.OutOfMemory, (int)older.TlsCause, TlsDiagnosis.FormatCode(code));
                Assert.AreEqual((int)TlsFailureCause.OutOfMemory, (int)newer.TlsCause, TlsDiagnosis.FormatCode(code));
                Assert.IsFalse(PermanentAfter(older), TlsDiagnosis.FormatCode(code));
                Assert.IsFalse(PermanentAfter(newer), TlsDiagnosis.FormatCode(code));
            }
        }

        [TestMethod]
        public void SetupErrorNamesFollowNanoPalSockets()
        {
            Assert.AreEqual("DrbgSeedFailed", HandshakeFailure.SetupErrorName(3));
            Assert.AreEqual("ConfigDefaultsFailed", HandshakeFailure.SetupErrorName(4));
            Assert.AreEqual("UnsupportedProtocolVersion", HandshakeFailure.SetupErrorName(5));
            Assert.AreEqual("OwnCertConfigFailed", HandshakeFailure.SetupErrorName(8));
            Assert.AreEqual("SetupFailed", HandshakeFailure.SetupErrorName(9));
            Assert.AreEqual(string.Empty, HandshakeFailure.SetupErrorName(12));
        }

        [TestMethod]
        public void UnacceptableAlgorithmNoLongerBlamesP521()
        {
            // mbedTLS's default X.509 profile lists secp521r1 among the allowed curves (library/x509_crt.c,
            // mbedtls_x509_crt_profile_default), and ESP-IDF enables the curve by default.
            string text = TlsDiagnosis.Explain(TlsFailureCause.UnacceptableAlgorithm, "wwep.local", 0x02E8, new DateTime(2026, 11, 21));
            Assert.AreEqual(-1, text.IndexOf("P-521"));
            Assert.IsTrue(text.IndexOf("SHA-1") >= 0);
        }

        private static WwepTransportException Board(string type, bool hasCode, int code, bool clientCertificate)
        {
            WwepSettings settings = new WwepSettings();
            settings.UseClientCertificate = clientCertificate;
            return HandshakeFailure.FromPlatform(type, hasCode, code, clientCertificate, settings, 40508, 0x02E8, new DateTime(2026, 11, 21), null);
        }

        private static bool PermanentAfter(WwepTransportException failure)
        {
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(failure);
            LedStateSender sender = new LedStateSender(transport, FakeClock.Synced(), new WwepSettings(), 0x02E8);
            sender.Send(true, TransportKind.Tls);
            return sender.LastFailureIsPermanent;
        }
    }
}
