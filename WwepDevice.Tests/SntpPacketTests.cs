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

        [TestMethod]
        public void TimestampsCountSecondsSince1900InTheirEra()
        {
            // The Unix epoch, a date of this project, the first second of era 1 (the 32-bit seconds wrap), a date in era 1.
            DateTime[] times = { new DateTime(1970, 1, 1, 0, 0, 0), new DateTime(2026, 11, 29, 12, 0, 0), new DateTime(2036, 2, 7, 6, 28, 16), new DateTime(2040, 1, 1, 0, 0, 0) };
            long[] seconds = { 2208988800L, 4004942400L, 0L, 123010304L };
            byte[] stamp = new byte[8];
            for (int i = 0; i < times.Length; i++)
            {
                SntpPacket.WriteTimestamp(stamp, 0, times[i]);
                long written = ((long)stamp[0] << 24) | ((long)stamp[1] << 16) | ((long)stamp[2] << 8) | stamp[3];
                Assert.AreEqual(seconds[i], written);
                Assert.AreEqual(times[i].Ticks, SntpPacket.ReadTimestamp(stamp, 0).Ticks);
            }
        }

        [TestMethod]
        public void TheFractionKeepsSubMicrosecondTime()
        {
            DateTime time = new DateTime(2026, 11, 29, 12, 0, 0).AddTicks(1234567);
            byte[] stamp = new byte[8];
            SntpPacket.WriteTimestamp(stamp, 0, time);
            AssertWithinATick(time, SntpPacket.ReadTimestamp(stamp, 0), "read back");
        }

        [TestMethod]
        public void OnlyAClientRequestOfVersion1To4IsAnswered()
        {
            byte[] request = new byte[SntpPacket.Length];
            SntpPacket.BuildRequest(request, 5);
            Assert.IsTrue(SntpPacket.IsClientRequest(request, SntpPacket.Length));
            Assert.IsFalse(SntpPacket.IsClientRequest(request, SntpPacket.Length - 1), "short");
            request[0] = (byte)((4 << 3) | SntpPacket.ServerMode);
            Assert.IsFalse(SntpPacket.IsClientRequest(request, SntpPacket.Length), "a server reply");
            request[0] = (byte)((1 << 3) | SntpPacket.ClientMode);
            Assert.IsTrue(SntpPacket.IsClientRequest(request, SntpPacket.Length), "version 1");
            request[0] = (byte)((5 << 3) | SntpPacket.ClientMode);
            Assert.IsFalse(SntpPacket.IsClientRequest(request, SntpPacket.Length), "version 5");
            request[0] = SntpPacket.ClientMode;
            Assert.IsFalse(SntpPacket.IsClientRequest(request, SntpPacket.Length), "version 0");
        }

        [TestMethod]
        public void TheServersReplyEchoesTheRequestAndCarriesItsClock()
        {
            byte[] request = new byte[SntpPacket.Length];
            SntpPacket.BuildRequest(request, 0x0102030405060708L);
            request[2] = 6;
            DateTime received = new DateTime(2026, 11, 29, 22, 1, 5);
            DateTime transmit = received.AddTicks(12345);
            byte[] reply = new byte[SntpPacket.Length];
            SntpPacket.WriteReply(request, received, transmit, reply);
            Assert.AreEqual(0x24, (int)reply[0], "no leap warning, the client's version 4, server mode");
            Assert.AreEqual(SntpPacket.ServerStratum, (int)reply[1]);
            Assert.AreEqual(6, (int)reply[2], "the client's poll");
            for (int i = 0; i < 4; i++)
            {
                Assert.AreEqual("LOCL"[i], (char)reply[12 + i], "reference identifier: the host's own clock");
            }

            for (int i = 0; i < 8; i++)
            {
                Assert.AreEqual(request[40 + i], reply[24 + i], "originate byte " + i.ToString());
            }

            AssertWithinATick(received, SntpPacket.ReadTimestamp(reply, 32), "receive");
            AssertWithinATick(received, SntpPacket.ReadTimestamp(reply, 16), "reference");
            AssertWithinATick(transmit, SntpPacket.ReadTimestamp(reply, 40), "transmit");
        }

        [TestMethod]
        public void TheDeviceBelievesTheServersReply()
        {
            // One codec at both ends: what WwepServer answers passes every check the board makes.
            byte[] request = new byte[SntpPacket.Length];
            SntpPacket.BuildRequest(request, 99);
            DateTime transmit = new DateTime(2026, 11, 29, 22, 1, 5).AddTicks(5000000);
            byte[] reply = new byte[SntpPacket.Length];
            SntpPacket.WriteReply(request, transmit.AddTicks(-10000), transmit, reply);
            DateTime got;
            Assert.AreEqual(string.Empty, SntpPacket.ParseReply(reply, SntpPacket.Length, request, out got));
            AssertWithinATick(transmit, got, "the server's transmit time");
        }

        // A 32-bit fraction is 0.23 ns: writing then reading loses at most the last 100 ns tick to rounding.
        private static void AssertWithinATick(DateTime expected, DateTime actual, string what)
        {
            long error = actual.Ticks - expected.Ticks;
            Assert.IsTrue(error >= -1 && error <= 1, what + " is off by " + error.ToString() + " ticks");
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
