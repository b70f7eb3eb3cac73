using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    [TestClass]
    public class LedStateSenderTests
    {
        private const int DeviceId = 0x02E8;

        [TestMethod]
        public void ExactEchoIsAcknowledged()
        {
            FakeConnection connection = new FakeConnection(Ascii.Bytes("A02E8050001"), ReplyScript.ReplyThenClose);
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.Acknowledged, (int)sender.Send(true, TransportKind.Plain));
            Assert.AreEqual("W02E8050001", connection.SentText);
            Assert.IsTrue(connection.Closed, "one request per connection: closed after the reply");
            Assert.AreEqual(string.Empty, sender.LastDiagnosis);
        }

        [TestMethod]
        public void ReplySplitIntoSingleBytesIsReassembled()
        {
            FakeConnection connection = new FakeConnection(Ascii.Bytes("A02E8050000"), ReplyScript.ReplyThenTimeout);
            connection.ChunkSize = 1;
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.Acknowledged, (int)sender.Send(false, TransportKind.Plain));
            Assert.AreEqual(11, connection.Receives, "stops reading at 11 bytes, without waiting for the close");
        }

        [TestMethod]
        public void RejectIsReportedWithTheServersReasonAndNotRetried()
        {
            FakeConnection connection = new FakeConnection(Ascii.Bytes("X Not Found"), ReplyScript.ReplyThenClose);
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.Rejected, (int)sender.Send(true, TransportKind.Plain));
            Assert.IsTrue(sender.LastFailureIsPermanent);
            Assert.AreEqual("server rejected W02E8050001 with X (Not Found): it refuses this request (a client certificate for another device ID, or a server that does not accept register 05)", sender.LastDiagnosis);
        }

        [TestMethod]
        public void RejectFromAServerThatDoesNotCloseIsStillAReject()
        {
            FakeConnection connection = new FakeConnection(Ascii.Bytes("X"), ReplyScript.ReplyThenTimeout);
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.Rejected, (int)sender.Send(true, TransportKind.Plain));
        }

        [TestMethod]
        public void GarbageIsABadReply()
        {
            FakeConnection connection = new FakeConnection(Ascii.Bytes("HTTP/1.1 400 Bad Request"), ReplyScript.ReplyThenClose);
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.BadReply, (int)sender.Send(true, TransportKind.Plain));
            Assert.AreEqual("bad reply to W02E8050001: unknown command letter, got 'HTTP/1.1 40'; is this a WWEP server?", sender.LastDiagnosis);
            Assert.IsFalse(sender.LastFailureIsPermanent);
        }

        [TestMethod]
        public void ShortReplyIsABadReply()
        {
            FakeConnection connection = new FakeConnection(Ascii.Bytes("A02E80"), ReplyScript.ReplyThenClose);
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.BadReply, (int)sender.Send(true, TransportKind.Plain));
            Assert.AreEqual("bad reply to W02E8050001: short reply (6 of 11 bytes), got 'A02E80'; is this a WWEP server?", sender.LastDiagnosis);
        }

        // Bytes followed by a reset or a close without close_notify are the whole reply: nf-interpreter
        // src/PAL/COM/sockets/ssl/MbedTLS/ssl_read_internal.cpp turns every mbedtls_ssl_read error except
        // PEER_CLOSE_NOTIFY into SOCK_SOCKET_ERROR, so SslStream.Read throws after the bytes instead of returning 0.
        [TestMethod]
        public void ResetAfterPartOfTheReplyJudgesTheBytesReceived()
        {
            FakeConnection connection = new FakeConnection(Ascii.Bytes("A02E8"), ReplyScript.ReplyThenReset);
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.BadReply, (int)sender.Send(true, TransportKind.Plain));
            Assert.IsTrue(sender.LastDiagnosis.IndexOf("short reply (5 of 11 bytes)") >= 0, sender.LastDiagnosis);
            Assert.IsTrue(connection.Closed);
        }

        [TestMethod]
        public void TlsRejectFollowedByABareTcpCloseIsTheReject()
        {
            FakeConnection connection = new FakeConnection(Ascii.Bytes("X"), ReplyScript.ReplyThenReset);
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.Rejected, (int)sender.Send(true, TransportKind.Tls));
            Assert.IsTrue(sender.LastFailureIsPermanent, "an X is not retried");
        }

        [TestMethod]
        public void TlsAcceptFollowedByABareTcpCloseIsAcknowledged()
        {
            FakeConnection connection = new FakeConnection(Ascii.Bytes("A02E8050001"), ReplyScript.ReplyThenReset);
            connection.ChunkSize = 4;
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.Acknowledged, (int)sender.Send(true, TransportKind.Tls));
        }

        [TestMethod]
        public void ResetBeforeAnyByteIsStillALostConnection()
        {
            FakeConnection connection = new FakeConnection(new byte[0], ReplyScript.ReplyThenReset);
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.TransportFailed, (int)sender.Send(true, TransportKind.Plain));
            Assert.AreEqual((int)TransportFailure.ConnectionLost, (int)sender.LastFailure);
        }

        [TestMethod]
        public void EmptyReplyIsNamed()
        {
            FakeConnection connection = new FakeConnection(new byte[0], ReplyScript.ReplyThenClose);
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.BadReply, (int)sender.Send(true, TransportKind.Plain));
            Assert.IsTrue(sender.LastDiagnosis.IndexOf("closed the connection without replying") >= 0, sender.LastDiagnosis);
        }

        [TestMethod]
        public void TlsCloseBeforeAnyReplyTwiceIsATransportFailure()
        {
            FakeConnection connection = new FakeConnection(new byte[0], ReplyScript.ReplyThenClose);
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            sender.Send(true, TransportKind.Tls);
            Assert.AreEqual((int)SendOutcome.TransportFailed, (int)sender.Send(true, TransportKind.Tls));
            Assert.AreEqual((int)TlsFailureCause.SessionEndedAfterHandshake, (int)sender.LastTlsCause);
            Assert.IsTrue(sender.LastDiagnosis.IndexOf("[TLS session closed after the handshake, before any reply]: ") > 0, sender.LastDiagnosis);
            Assert.IsFalse(sender.LastFailureIsPermanent, "no guess from a close: always retried");
        }

        [TestMethod]
        public void TlsResetBeforeAnyReplyIsRetriedWhenACertificateWasSent()
        {
            FakeConnection connection = new FakeConnection(new byte[0], ReplyScript.ReplyThenReset);
            WwepSettings settings = new WwepSettings();
            settings.UseClientCertificate = true;
            LedStateSender sender = new LedStateSender(Transport(connection), FakeClock.Synced(), settings, DeviceId);
            Assert.AreEqual((int)SendOutcome.TransportFailed, (int)sender.Send(true, TransportKind.Tls));
            Assert.AreEqual((int)TlsFailureCause.SessionEndedAfterHandshake, (int)sender.LastTlsCause);
            Assert.IsTrue(sender.LastDiagnosis.IndexOf("[TLS session reset after the handshake, before any reply]") > 0, sender.LastDiagnosis);
            Assert.IsFalse(sender.LastFailureIsPermanent, "a server that went away looks the same: retry");
        }

        [TestMethod]
        public void PlainResetBeforeAnyReplyIsALostConnection()
        {
            FakeConnection connection = new FakeConnection(new byte[0], ReplyScript.ReplyThenReset);
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.TransportFailed, (int)sender.Send(true, TransportKind.Plain));
            Assert.AreEqual((int)TransportFailure.ConnectionLost, (int)sender.LastFailure);
            Assert.AreEqual("connection to fake:1 lost (reset by peer)", sender.LastDiagnosis);
        }

        [TestMethod]
        public void AcceptOfSomethingElseIsNotAnAcknowledgement()
        {
            FakeConnection connection = new FakeConnection(Ascii.Bytes("A02E8050000"), ReplyScript.ReplyThenClose);
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.EchoMismatch, (int)sender.Send(true, TransportKind.Plain));
            Assert.AreEqual("server answered A02E8050000 to W02E8050001: not the echo of the write, so it is not counted as stored", sender.LastDiagnosis);
        }

        [TestMethod]
        public void EchoForAnotherDeviceIsNotAnAcknowledgement()
        {
            FakeConnection connection = new FakeConnection(Ascii.Bytes("A0FAC050001"), ReplyScript.ReplyThenClose);
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.EchoMismatch, (int)sender.Send(true, TransportKind.Plain));
        }

        [TestMethod]
        public void NoReplyIsATimeout()
        {
            FakeConnection connection = new FakeConnection(new byte[0], ReplyScript.ReplyThenTimeout);
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.TransportFailed, (int)sender.Send(true, TransportKind.Plain));
            Assert.AreEqual((int)TransportFailure.ReplyTimeout, (int)sender.LastFailure);
            Assert.AreEqual("no reply from fake:1 within 3000 ms after sending the request", sender.LastDiagnosis);
            Assert.IsTrue(connection.Closed, "the connection is closed even when the reply never came");
        }

        [TestMethod]
        public void ConnectFailureCarriesTheTransportsDiagnosis()
        {
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(new WwepTransportException(TransportFailure.ConnectFailed, TransportMessages.ConnectFailed("10.0.0.9", 27708, "connection refused")));
            LedStateSender sender = NewSender(transport, FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.TransportFailed, (int)sender.Send(true, TransportKind.Plain));
            Assert.AreEqual("cannot connect to 10.0.0.9:27708 (connection refused): is the WWEP server running and listening on that port?", sender.LastDiagnosis);
            Assert.IsFalse(sender.LastFailureIsPermanent);
        }

        [TestMethod]
        public void TlsIsNotAttemptedWhileTheClockIsUnset()
        {
            FakeConnection connection = new FakeConnection(Ascii.Bytes("A02E8050001"), ReplyScript.ReplyThenClose);
            FakeTransport transport = Transport(connection);
            LedStateSender sender = NewSender(transport, new FakeClock(new DateTime(1970, 1, 1, 0, 0, 5)));
            Assert.AreEqual((int)SendOutcome.TransportFailed, (int)sender.Send(true, TransportKind.Tls));
            Assert.AreEqual(0, transport.Connects, "no handshake with an unset clock");
            Assert.AreEqual((int)TlsFailureCause.ClockNotSet, (int)sender.LastTlsCause);
            Assert.AreEqual("TLS handshake with wwep.local:40508 failed [not attempted]: clock not set: the device clock says 1970-01-01, so certificate dates cannot be checked; waiting for SNTP (internet, or the WWEP server's host: WwepServer --sntp-port with TimeFromServer on)", sender.LastDiagnosis);
            Assert.IsFalse(sender.LastFailureIsPermanent, "the clock heals by itself: keep retrying");
        }

        [TestMethod]
        public void PlainIsNotBlockedByAnUnsetClock()
        {
            FakeConnection connection = new FakeConnection(Ascii.Bytes("A02E8050001"), ReplyScript.ReplyThenClose);
            LedStateSender sender = NewSender(Transport(connection), new FakeClock(new DateTime(1970, 1, 1)));
            Assert.AreEqual((int)SendOutcome.Acknowledged, (int)sender.Send(true, TransportKind.Plain));
        }

        [TestMethod]
        public void CertificateProblemsArePermanentUntilFixed()
        {
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(new WwepTransportException(TransportFailure.TlsHandshake, TlsFailureCause.UnknownCa, "unknown CA"));
            LedStateSender sender = NewSender(transport, FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.TransportFailed, (int)sender.Send(true, TransportKind.Tls));
            Assert.IsTrue(sender.LastFailureIsPermanent);
            Assert.AreEqual((int)TlsFailureCause.UnknownCa, (int)sender.LastTlsCause);
            Assert.AreEqual((int)TransportKind.Tls, (int)transport.Kind(0));
        }

        [TestMethod]
        public void ReusedBuffersCarryNoStateBetweenSends()
        {
            FakeConnection connection = new FakeConnection(Ascii.Bytes("X"), ReplyScript.ReplyThenClose);
            LedStateSender sender = NewSender(Transport(connection), FakeClock.Synced());
            Assert.AreEqual((int)SendOutcome.Rejected, (int)sender.Send(true, TransportKind.Plain));
            connection.Reset(Ascii.Bytes("A02E8050000"));
            Assert.AreEqual((int)SendOutcome.Acknowledged, (int)sender.Send(false, TransportKind.Plain));
            Assert.AreEqual("W02E8050000", connection.SentText);
        }

        private static FakeTransport Transport(FakeConnection connection)
        {
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(connection);
            return transport;
        }

        private static LedStateSender NewSender(IWwepTransport transport, IClock clock)
        {
            return new LedStateSender(transport, clock, new WwepSettings(), DeviceId);
        }
    }
}
