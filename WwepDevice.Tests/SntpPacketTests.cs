using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Clock;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    // RFC 4330: a 48-byte message; client mode 3, server mode 4; the server copies the client's transmit timestamp
    // into originate; stratum 0 is a kiss-of-death, leap indicator 3 an unsynchronized server.
    [TestClass]
    public class SntpPacketTests
    {
        [TestMethod]
        public void RequestIsVersion4ClientModeWithTheNonce()
        {
            byte[] request = new byte[SntpPacket.Length];
            SntpPacket.BuildRequest(request, 0x0102030405060708L);
            Assert.AreEqual(0x23, (int)request[0]);
            Assert.AreEqual(1, (int)request[40]);
            Assert.AreEqual(8, (int)request[47]);
            Assert.AreEqual(0, (int)request[1]);
        }

        [TestMethod]
        public void AGoodReplyGivesTheServersTime()
        {
            DateTime sent = new DateTime(2026, 11, 29, 22, 1, 5);
            DateTime got;
            Assert.AreEqual(string.Empty, SntpPacket.ParseReply(Reply(sent, 2, out byte[] request), SntpPacket.Length, request, out got));
            Assert.AreEqual(sent.Ticks / TimeSpan.TicksPerMillisecond, got.Ticks / TimeSpan.TicksPerMillisecond);
        }

        [TestMethod]
        public void ATimeAfter2036IsInTheNextEra()
        {
            DateTime sent = new DateTime(2040, 3, 1, 0, 0, 0);
            DateTime got;
            Assert.AreEqual(string.Empty, SntpPacket.ParseReply(Reply(sent, 2, out byte[] request), SntpPacket.Length, request, out got));
            Assert.AreEqual(2040, got.Year);
        }

        [TestMethod]
        public void AShortReplyIsRefused()
        {
            DateTime got;
            Assert.AreEqual("short SNTP reply (20 of 48 bytes)", SntpPacket.ParseReply(Reply(new DateTime(2026, 1, 1), 2, out byte[] request), 20, request, out got));
        }

        [TestMethod]
        public void AKissOfDeathIsRefused()
        {
            DateTime got;
            string problem = SntpPacket.ParseReply(Reply(new DateTime(2026, 1, 1), 0, out byte[] request), SntpPacket.Length, request, out got);
            Assert.IsTrue(problem.IndexOf("not synchronized") >= 0, problem);
        }

        [TestMethod]
        public void AnUnsynchronizedServerIsRefused()
        {
            byte[] reply = Reply(new DateTime(2026, 1, 1), 2, out byte[] request);
            reply[0] = (byte)(0xC0 | reply[0]);
            DateTime got;
            Assert.IsTrue(SntpPacket.ParseReply(reply, SntpPacket.Length, request, out got).IndexOf("leap 3") >= 0);
        }

        [TestMethod]
        public void AClientModeEchoIsNotAReply()
        {
            byte[] reply = Reply(new DateTime(2026, 1, 1), 2, out byte[] request);
            reply[0] = 0x23;
            DateTime got;
            Assert.AreEqual("not an SNTP server reply (mode 3)", SntpPacket.ParseReply(reply, SntpPacket.Length, request, out got));
        }

        [TestMethod]
        public void AReplyToAnotherRequestIsRefused()
        {
            byte[] reply = Reply(new DateTime(2026, 1, 1), 2, out byte[] request);
            request[47]++;
            DateTime got;
            Assert.AreEqual("the reply does not answer this request (originate timestamp differs)", SntpPacket.ParseReply(reply, SntpPacket.Length, request, out got));
        }

        private static byte[] Reply(DateTime serverUtc, int stratum, out byte[] request)
        {
            request = new byte[SntpPacket.Length];
            SntpPacket.BuildRequest(request, 77);
            byte[] reply = new byte[SntpPacket.Length];
            SntpServerScript.WriteReply(request, reply, serverUtc, stratum);
            return reply;
        }
    }
}
