using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    // Each case feeds the core what one of the two native generations really raises.
    // Older: measured by running managed System.Net 1.11.54 on nf-interpreter 3367392a's own network code
    // (src/DeviceInterfaces/System.Net, src/PAL/COM/sockets with mbedTLS 3.6.5, src/PAL/Lwip; native System.Net
    // checksum 0x6DFA71D6) against WwepServer and scripted servers: SocketException with the mbedTLS code, -0x2700 with
    // no flags for a foreign CA, a wrong name and an expired certificate alike, -1 for any setup failure (read in its
    // SslNative, not run) and for a reset after the handshake.
    // Newer: nf-interpreter #3460/#3468 (native checksum 0x8EFB9944), sys_net_native_System_Net_Security_SslNative.cpp:
    // CryptographicException with the verify flags after MBEDTLS_ERR_X509_CERT_VERIFY_FAILED, else the mbedTLS code.
    [TestClass]
    public class NativeGenerationTests
    {
        private const int DeviceId = 0x02E8;

        private static readonly DateTime SetClock = new DateTime(2026, 12, 1, 9, 30, 5);

        [TestMethod]
        public void OlderVerifyFailureNamesWhatTheBoardKnows()
        {
            TrustedCas trust = new TrustedCas(new EmbeddedCa("CN=WWEP Test CA", new DateTime(2036, 11, 28)), TrustedCas.NoneStored);
            WwepTransportException failure = HandshakeFailure.FromPlatform("SocketException", true, -0x2700, false, Settings(), 40508, DeviceId, SetClock, trust);
            Assert.AreEqual((int)TlsFailureCause.VerifyFailed, (int)failure.TlsCause);
            Assert.AreEqual("TLS handshake with wwep.local:40508 failed [SocketException, mbedTLS -0x2700, no verify flags]: the server certificate did not verify and this firmware does not say why: it is not from 'CN=WWEP Test CA' (valid until 2036-11-28) embedded in the image, or it does not name 'wwep.local', or its dates do not cover the device clock (2026-12-01T09:30:05Z); to tell which, run dotnet run --project certs/tool -- check --server-cert <the server's certificate> --host wwep.local --at 2026-12-01T09:30:05Z", failure.Message);
        }

        [TestMethod]
        public void OlderVerifyFailureChecksTheNameTheBoardVerifies()
        {
            WwepSettings settings = Settings();
            settings.TlsHostName = "classroom.example";
            WwepTransportException failure = HandshakeFailure.FromPlatform("SocketException", true, -0x2700, false, settings, 40508, DeviceId, SetClock, null);
            Assert.IsTrue(failure.Message.IndexOf("--host classroom.example --at 2026-12-01T09:30:05Z") > 0, failure.Message);
            Assert.IsTrue(failure.Message.IndexOf("not from the CA embedded in the firmware") > 0, "without the CA's facts the line still says which CA: " + failure.Message);
        }

        [TestMethod]
        public void OlderVerifyFailureIsPermanentOnceTheClockIsSet()
        {
            Assert.IsTrue(PermanentAfter(HandshakeFailure.FromPlatform("SocketException", true, -0x2700, false, Settings(), 40508, DeviceId, SetClock, null)), "each retry is a full handshake that stops every thread");
        }

        [TestMethod]
        public void OlderVerifyFailureIsRetriedWhileTheClockIsNotSet()
        {
            // The clock may be the cause (dates): while it is not set the failure may heal by itself.
            Assert.IsFalse(LedStateSender.IsPermanentFailure(TransportFailure.TlsHandshake, TlsFailureCause.VerifyFailed, false));
            Assert.IsTrue(LedStateSender.IsPermanentFailure(TransportFailure.TlsHandshake, TlsFailureCause.VerifyFailed, true));
        }

        [DataRow(0x08, "unknown CA")]
        [DataRow(0x04, "name mismatch")]
        [DataRow(0x01, "certificate expired")]
        public void NewerFirmwareTellsTheThreeApartByFlags(int flags, string words)
        {
            WwepTransportException failure = HandshakeFailure.FromPlatform("CryptographicException", true, flags, false, Settings(), 40508, DeviceId, SetClock, null);
            Assert.IsTrue(failure.Message.IndexOf("]: " + words) > 0, failure.Message);
            Assert.IsTrue(PermanentAfter(failure));
        }

        [TestMethod]
        public void OlderSetupFailureIsASetupFailureWithItsCausesInOrder()
        {
            WwepTransportException failure = HandshakeFailure.FromPlatform("SocketException", true, -1, false, Settings(), 40508, DeviceId, SetClock, null);
            Assert.AreEqual((int)TransportFailure.TlsSetup, (int)failure.Failure);
            Assert.AreEqual((int)TlsFailureCause.SetupFailedWithoutReason, (int)failure.TlsCause);
            int heap = failure.Message.IndexOf("no contiguous heap");
            int credential = failure.Message.IndexOf("an embedded CA, device certificate or key");
            Assert.IsTrue(heap > 0 && credential > heap, "heap first, then the credential: " + failure.Message);
            Assert.IsTrue(failure.Message.IndexOf("[SocketException -1, no mbedTLS code]") > 0, failure.Message);
        }

        [TestMethod]
        public void OlderSetupFailureIsRetriedOnce()
        {
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(HandshakeFailure.FromPlatform("SocketException", true, -1, false, Settings(), 40508, DeviceId, SetClock, null));
            LedStateSender sender = new LedStateSender(transport, FakeClock.Synced(), Settings(), DeviceId);
            sender.Send(true, TransportKind.Tls);
            Assert.IsFalse(sender.LastFailureIsPermanent, "the heap may be free on the next attempt");
            sender.Send(true, TransportKind.Tls);
            Assert.IsTrue(sender.LastFailureIsPermanent, "twice in a row: retrying again only repeats it");
        }

        [TestMethod]
        public void ASuccessStartsTheSetupCountAgain()
        {
            FakeTransport transport = new FakeTransport();
            WwepTransportException setup = HandshakeFailure.FromPlatform("SocketException", true, -1, false, Settings(), 40508, DeviceId, SetClock, null);
            transport.Enqueue(setup);
            transport.Enqueue(new FakeConnection(Ascii.Bytes("A02E8050001"), ReplyScript.ReplyThenClose));
            transport.Enqueue(setup);
            LedStateSender sender = new LedStateSender(transport, FakeClock.Synced(), Settings(), DeviceId);
            sender.Send(true, TransportKind.Tls);
            Assert.AreEqual((int)SendOutcome.Acknowledged, (int)sender.Send(true, TransportKind.Tls));
            sender.Send(true, TransportKind.Tls);
            Assert.IsFalse(sender.LastFailureIsPermanent, "not in a row: the success in between counts");
        }

        [TestMethod]
        public void NewerSetupErrorNineIsStillRetriedEveryTime()
        {
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(HandshakeFailure.FromPlatform("CryptographicException", true, 9, false, Settings(), 40508, DeviceId, SetClock, null));
            LedStateSender sender = new LedStateSender(transport, FakeClock.Synced(), Settings(), DeviceId);
            sender.Send(true, TransportKind.Tls);
            sender.Send(true, TransportKind.Tls);
            Assert.IsFalse(sender.LastFailureIsPermanent, "SslError 9 says 'no heap': the retry policy decides, not a count");
        }

        [TestMethod]
        public void OneResetAfterTheHandshakeIsRetried()
        {
            // Older native: a reset right after a complete handshake makes Read throw SocketException -1, which the
            // adapter hands over as a lost connection; a server that restarted does the same.
            LedStateSender sender = SenderOver(new FakeConnection(new byte[0], ReplyScript.ReplyThenReset));
            Assert.AreEqual((int)SendOutcome.TransportFailed, (int)sender.Send(true, TransportKind.Tls));
            Assert.AreEqual((int)TlsFailureCause.SessionEndedAfterHandshake, (int)sender.LastTlsCause);
            Assert.IsFalse(sender.LastFailureIsPermanent, "one occurrence must not stop retries");
            Assert.IsTrue(sender.LastDiagnosis.IndexOf("the server restarted, the link broke") > 0, sender.LastDiagnosis);
            Assert.IsTrue(sender.LastDiagnosis.IndexOf("requires a client certificate (under TLS 1.3") > 0, "without one, TLS 1.3 is offered: " + sender.LastDiagnosis);
        }

        [TestMethod]
        public void TwoResetsAfterTheHandshakeAreStillRetried()
        {
            // Older native: a failed TLS write returns 0 silently (ssl_write_internal.cpp line 38, nf-interpreter
            // 3367392a), so a broken link shows up as this reset; it must never become a verdict.
            LedStateSender sender = SenderOver(new FakeConnection(new byte[0], ReplyScript.ReplyThenReset));
            sender.Send(true, TransportKind.Tls);
            sender.Send(true, TransportKind.Tls);
            Assert.AreEqual((int)TlsFailureCause.SessionEndedAfterHandshake, (int)sender.LastTlsCause);
            Assert.IsFalse(sender.LastFailureIsPermanent);
            Assert.AreEqual(-1, sender.LastDiagnosis.IndexOf("client certificate refused"), sender.LastDiagnosis);
        }

        [TestMethod]
        public void AReplyBetweenTwoResetsStartsTheCountAgain()
        {
            FakeConnection reset = new FakeConnection(new byte[0], ReplyScript.ReplyThenReset);
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(reset);
            transport.Enqueue(new FakeConnection(Ascii.Bytes("A02E8050001"), ReplyScript.ReplyThenClose));
            transport.Enqueue(reset);
            LedStateSender sender = new LedStateSender(transport, FakeClock.Synced(), Settings(), DeviceId);
            sender.Send(true, TransportKind.Tls);
            sender.Send(true, TransportKind.Tls);
            sender.Send(true, TransportKind.Tls);
            Assert.AreEqual((int)TlsFailureCause.SessionEndedAfterHandshake, (int)sender.LastTlsCause);
            Assert.IsFalse(sender.LastFailureIsPermanent);
        }

        [TestMethod]
        public void AnXThenACloseWithoutCloseNotifyIsAnX()
        {
            // Measured: SslStream.Read returns 0 when the server closes without close_notify (mbedTLS turns the EOF
            // into 0); the reply before it is the whole reply.
            LedStateSender sender = SenderOver(new FakeConnection(Ascii.Bytes("X"), ReplyScript.ReplyThenClose));
            Assert.AreEqual((int)SendOutcome.Rejected, (int)sender.Send(true, TransportKind.Tls));
            Assert.IsTrue(sender.LastFailureIsPermanent);
        }

        [TestMethod]
        public void AnXThenAResetIsAnX()
        {
            // Measured: only a reset makes Read throw (SocketException -1); the X before it still counts.
            LedStateSender sender = SenderOver(new FakeConnection(Ascii.Bytes("X"), ReplyScript.ReplyThenReset));
            Assert.AreEqual((int)SendOutcome.Rejected, (int)sender.Send(true, TransportKind.Tls));
        }

        [TestMethod]
        public void FatalAlertNamesItsCausesWithoutGuessing()
        {
            // Measured on the older native: a TLS 1.0/1.1-only server ends the handshake with -0x7780, as a server
            // that requires a client certificate does; mbedTLS keeps the alert to itself.
            WwepTransportException failure = HandshakeFailure.FromPlatform("SocketException", true, -0x7780, false, Settings(), 40508, DeviceId, SetClock, null);
            Assert.AreEqual((int)TlsFailureCause.FatalAlert, (int)failure.TlsCause);
            Assert.AreEqual(-1, failure.Message.IndexOf("most likely"), failure.Message);
            Assert.IsTrue(failure.Message.IndexOf("a TLS 1.0/1.1 server ends this way") > 0, failure.Message);
            Assert.IsTrue(failure.Message.IndexOf("requires a client certificate") > 0, failure.Message);
        }

        [TestMethod]
        public void FatalAlertWithACertificateSentPutsItsRefusalFirst()
        {
            WwepTransportException failure = HandshakeFailure.FromPlatform("CryptographicException", true, -0x7780, true, Settings(), 40508, DeviceId, SetClock, null);
            Assert.AreEqual(-1, failure.Message.IndexOf("most likely"), failure.Message);
            int refusal = failure.Message.IndexOf("a refusal of this device's certificate");
            int version = failure.Message.IndexOf("no TLS version or cipher in common");
            Assert.IsTrue(refusal > 0 && version > refusal, failure.Message);
        }

        [TestMethod]
        public void OlderCloseDuringTheHandshakePointsAtThePort()
        {
            // Measured: a server that closes during the handshake, TLS sent to a plain port included: -0x7280.
            WwepTransportException failure = HandshakeFailure.FromPlatform("SocketException", true, -0x7280, false, Settings(), 40508, DeviceId, SetClock, null);
            Assert.AreEqual((int)TlsFailureCause.HandshakeReset, (int)failure.TlsCause);
            Assert.IsTrue(failure.Message.IndexOf("check that the port is the TLS one (40508)") > 0, failure.Message);
            Assert.IsFalse(PermanentAfter(failure));
        }

        [TestMethod]
        public void PlainToTheTlsPortSaysWhichPortIsWhich()
        {
            // What a TLS server does with plain WWEP: it reads no ClientHello and closes without a byte.
            WwepSettings settings = Settings();
            settings.PlainPort = 40508;
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(new FakeConnection(new byte[0], ReplyScript.ReplyThenClose));
            LedStateSender sender = new LedStateSender(transport, FakeClock.Synced(), settings, DeviceId);
            Assert.AreEqual((int)SendOutcome.BadReply, (int)sender.Send(true, TransportKind.Plain));
            Assert.AreEqual("server closed the connection without replying to W02E8050001: port 40508 is the TLS port (TlsPort 40508); plain WWEP needs a port of its own: set PlainPort to the server's plain port (WwepServer prints both at start), or set Mode to TLS", sender.LastDiagnosis);
            Assert.IsTrue(sender.LastFailureIsPermanent, "the port will not change by itself");
        }

        [TestMethod]
        public void PlainToAConfiguredTlsPortIsNamedWhateverItsNumber()
        {
            WwepSettings settings = Settings();
            settings.TlsPort = 5001;
            settings.PlainPort = 5001;
            LedStateSender sender = new LedStateSender(ClosingTransport(), FakeClock.Synced(), settings, DeviceId);
            sender.Send(true, TransportKind.Plain);
            Assert.IsTrue(sender.LastDiagnosis.IndexOf("port 5001 is the TLS port (TlsPort 5001)") > 0, sender.LastDiagnosis);
            Assert.IsTrue(sender.LastFailureIsPermanent);
        }

        [TestMethod]
        public void TheDefaultTlsPortIsNotAMistakeWhenTlsPortIsElsewhere()
        {
            // A server may serve plain WWEP on 40508 when its TLS port is another: only the board's own TlsPort counts.
            WwepSettings settings = Settings();
            settings.TlsPort = 5001;
            settings.PlainPort = 40508;
            LedStateSender sender = new LedStateSender(ClosingTransport(), FakeClock.Synced(), settings, DeviceId);
            sender.Send(true, TransportKind.Plain);
            Assert.AreEqual(-1, sender.LastDiagnosis.IndexOf("is the TLS port"), sender.LastDiagnosis);
            Assert.IsTrue(sender.LastDiagnosis.IndexOf("not speak plain WWEP on port 40508") > 0, sender.LastDiagnosis);
            Assert.IsTrue(sender.LastDiagnosis.IndexOf("TlsPort is 5001") > 0, sender.LastDiagnosis);
            Assert.IsFalse(sender.LastFailureIsPermanent);
        }

        [TestMethod]
        public void ATlsRequestIsNeverSentToTheWrongPortByThisRule()
        {
            Assert.IsFalse(TransportMessages.IsTlsPortMistake(TransportKind.Tls, 40508, 40508));
            Assert.IsTrue(TransportMessages.IsTlsPortMistake(TransportKind.Plain, 7, 7));
            Assert.AreEqual(-1, TransportMessages.ClosedWithoutReply("W", TransportKind.Tls, 40508, 40508).IndexOf("TLS port"));
        }

        private static FakeTransport ClosingTransport()
        {
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(new FakeConnection(new byte[0], ReplyScript.ReplyThenClose));
            return transport;
        }

        [TestMethod]
        public void AnEmptyReplyOnThePlainPortKeepsItsOwnLine()
        {
            LedStateSender sender = SenderOver(new FakeConnection(new byte[0], ReplyScript.ReplyThenClose));
            sender.Send(true, TransportKind.Plain);
            Assert.AreEqual(-1, sender.LastDiagnosis.IndexOf("is the TLS port"), sender.LastDiagnosis);
            Assert.IsFalse(sender.LastFailureIsPermanent);
        }

        private static WwepSettings Settings()
        {
            return new WwepSettings();
        }

        private static LedStateSender SenderOver(FakeConnection connection)
        {
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(connection);
            return new LedStateSender(transport, FakeClock.Synced(), Settings(), DeviceId);
        }

        private static bool PermanentAfter(WwepTransportException failure)
        {
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(failure);
            LedStateSender sender = new LedStateSender(transport, FakeClock.Synced(), Settings(), DeviceId);
            sender.Send(true, TransportKind.Tls);
            return sender.LastFailureIsPermanent;
        }
    }
}
