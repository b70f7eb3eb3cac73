using System;
using System.Linq;
using WwepDevice.Core.Settings;
using Xunit;

namespace WwepEndToEnd.Tests
{
    /// <summary>
    /// Replies the real server never gives, from an in-test <see cref="MisbehavingResponder"/>: each prints the board's
    /// exact line, crashes nothing, and the next press succeeds once the responder answers correctly.
    /// </summary>
    public sealed class MisbehavingServerTests
    {
        private const string NotStoredPermanent = "[WWEP] ERROR LED ON not stored: this will fail again until the cause above is fixed; the next press tries again";
        private const string NotStoredAfterTwo = "[WWEP] ERROR LED ON not stored after 2 attempts; the next press or the network's return tries again";

        /// <summary>X with a reason (the course server's style): refused, not retried.</summary>
        [Fact]
        public void RejectWithReasonIsNotRetried()
        {
            using MisbehavingResponder responder = new MisbehavingResponder(Misbehaviour.RejectWithReason);
            using DeviceUnderTest device = PlainDevice(responder.Port);

            bool settled = device.PressAndSettle();

            Expect.NoCrash(device, settled);
            Expect.Printed(device, "[WWEP] ERROR server rejected W02E8050001 with X (Not Found): it refuses this request (a client certificate for another device ID, or a server that does not accept register 05)");
            Expect.Printed(device, NotStoredPermanent);
            Assert.Equal(1, responder.Requests);
            AssertRecovers(device, responder);
        }

        /// <summary>An HTTP answer: unknown command letter, retried, then given up.</summary>
        [Fact]
        public void GarbageReplyIsABadReply()
        {
            using MisbehavingResponder responder = new MisbehavingResponder(Misbehaviour.Garbage);
            using DeviceUnderTest device = PlainDevice(responder.Port);

            bool settled = device.PressAndSettle();

            Expect.NoCrash(device, settled);
            AssertRetriedThenGaveUp(device, "bad reply to W02E8050001: unknown command letter, got 'HTTP/1.1 40'; is this a WWEP server?");
            Assert.Equal(2, responder.Requests);
            AssertRecovers(device, responder);
        }

        /// <summary>5 of 11 bytes and a close: a short reply.</summary>
        [Fact]
        public void ShortReplyIsNamedShort()
        {
            using MisbehavingResponder responder = new MisbehavingResponder(Misbehaviour.ShortReply);
            using DeviceUnderTest device = PlainDevice(responder.Port);

            bool settled = device.PressAndSettle();

            Expect.NoCrash(device, settled);
            AssertRetriedThenGaveUp(device, "bad reply to W02E8050001: short reply (5 of 11 bytes), got 'A02E8'; is this a WWEP server?");
            AssertRecovers(device, responder);
        }

        /// <summary>No reply at all: the reply timeout (500 ms here) ends each attempt.</summary>
        [Fact]
        public void NoReplyTimesOut()
        {
            using MisbehavingResponder responder = new MisbehavingResponder(Misbehaviour.NoReply);
            WwepSettings settings = DeviceUnderTest.Settings(LinkMode.Plain, responder.Port, FreePort.Next());
            settings.ReplyTimeoutMilliseconds = 500;
            using DeviceUnderTest device = new DeviceUnderTest(settings, null);

            bool settled = device.PressAndSettle();

            Expect.NoCrash(device, settled);
            AssertRetriedThenGaveUp(device, "no reply from 127.0.0.1:" + responder.Port.ToString() + " within 500 ms after sending the request");
            AssertRecovers(device, responder);
        }

        /// <summary>A reset after 5 reply bytes: the connection is lost.</summary>
        [Fact]
        public void ResetMidReplyIsJudgedByTheBytesReceived()
        {
            using MisbehavingResponder responder = new MisbehavingResponder(Misbehaviour.ResetMidReply);
            using DeviceUnderTest device = PlainDevice(responder.Port);

            bool settled = device.PressAndSettle();

            Expect.NoCrash(device, settled);
            AssertRetriedThenGaveUp(device, "bad reply to W02E8050001: short reply (5 of 11 bytes), got 'A02E8'; is this a WWEP server?");
            AssertRecovers(device, responder);
        }

        private static DeviceUnderTest PlainDevice(int port)
        {
            return new DeviceUnderTest(DeviceUnderTest.Settings(LinkMode.Plain, port, FreePort.Next()), null);
        }

        private static void AssertRetriedThenGaveUp(DeviceUnderTest device, string diagnosis)
        {
            Assert.Contains(device.BoardLines, line => line.StartsWith("[WWEP] WARN  " + diagnosis + " (attempt 1 of 2, retrying in ", StringComparison.Ordinal));
            Expect.Printed(device, "[WWEP] ERROR " + diagnosis);
            Expect.Printed(device, NotStoredAfterTwo);
            Assert.Equal(2, device.Controller.Sends);
        }

        private static void AssertRecovers(DeviceUnderTest device, MisbehavingResponder responder)
        {
            responder.Behaviour = Misbehaviour.None;
            bool settled = device.PressAndSettle();
            Expect.NoCrash(device, settled);
            Assert.Equal("[WWEP] LED OFF stored on the server (plain, attempt 1)", device.BoardLines.Last());
            Assert.True(device.AllDelivered, device.Transcript);
        }
    }
}
