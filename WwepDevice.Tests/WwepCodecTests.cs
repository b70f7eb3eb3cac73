using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Protocol;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    [TestClass]
    public class WwepCodecTests
    {
        [TestMethod]
        public void CourseExampleWriteIsBuiltExactly()
        {
            byte[] buffer = new byte[16];
            int length = WwepCodec.BuildWrite(buffer, 2, 0x0FAC, 0x0B, 0x1234);
            Assert.AreEqual(11, length);
            Assert.AreEqual("W0FAC0B1234", WwepCodec.ToPrintable(buffer, 2, length));
        }

        [TestMethod]
        public void CourseExampleReadIsBuiltExactly()
        {
            byte[] buffer = new byte[7];
            int length = WwepCodec.BuildRead(buffer, 0, 0x0FAC, 0x0B);
            Assert.AreEqual("R0FAC0B", WwepCodec.ToPrintable(buffer, 0, length));
        }

        [TestMethod]
        public void LedWriteUsesRegister05AndUppercaseHex()
        {
            byte[] buffer = new byte[11];
            WwepCodec.BuildWrite(buffer, 0, 0x02E8, WwepCodec.LedRegister, 1);
            Assert.AreEqual("W02E8050001", WwepCodec.ToPrintable(buffer, 0, 11));
            WwepCodec.BuildWrite(buffer, 0, 0xabcd, 0xef, 0xface);
            Assert.AreEqual("WABCDEFFACE", WwepCodec.ToPrintable(buffer, 0, 11));
        }

        [TestMethod]
        public void CourseExampleAcceptParses()
        {
            byte[] reply = Ascii.Bytes("A0FAC0B1234");
            WwepMessage message;
            Assert.AreEqual((int)WwepParseError.None, (int)WwepCodec.ParseReply(reply, 0, reply.Length, out message));
            Assert.IsTrue(message.IsAccept);
            Assert.AreEqual(0x0FAC, message.DeviceId);
            Assert.AreEqual(0x0B, message.Register);
            Assert.AreEqual(0x1234, message.Value);
            Assert.IsTrue(WwepCodec.IsEchoOf(message, 0x0FAC, 0x0B, 0x1234));
            Assert.IsFalse(WwepCodec.IsEchoOf(message, 0x0FAC, 0x0B, 0x1235));
        }

        [TestMethod]
        public void BareRejectParses()
        {
            byte[] reply = Ascii.Bytes("X");
            WwepMessage message;
            Assert.AreEqual((int)WwepParseError.None, (int)WwepCodec.ParseReply(reply, 0, 1, out message));
            Assert.IsTrue(message.IsReject);
            Assert.AreEqual(0, message.ReasonLength);
        }

        [TestMethod]
        public void RejectWithCourseServerReasonParses()
        {
            byte[] reply = Ascii.Bytes("X illegal message length (6)\r\n");
            WwepMessage message;
            Assert.AreEqual((int)WwepParseError.None, (int)WwepCodec.ParseReply(reply, 0, reply.Length, out message));
            Assert.IsTrue(message.IsReject);
            Assert.AreEqual("illegal message length (6)", WwepCodec.ToPrintable(reply, message.ReasonOffset, message.ReasonLength));
        }

        [TestMethod]
        public void LowercaseHexReplyIsAccepted()
        {
            byte[] reply = Ascii.Bytes("A0fac0b12ab");
            WwepMessage message;
            Assert.AreEqual((int)WwepParseError.None, (int)WwepCodec.ParseReply(reply, 0, reply.Length, out message));
            Assert.AreEqual(0x0FAC, message.DeviceId);
            Assert.AreEqual(0x12AB, message.Value);
        }

        [TestMethod]
        public void ReplyWithTrailingCrLfIsAccepted()
        {
            byte[] reply = Ascii.Bytes("A0FAC0B1234\r\n");
            WwepMessage message;
            Assert.AreEqual((int)WwepParseError.None, (int)WwepCodec.ParseReply(reply, 0, reply.Length, out message));
            Assert.AreEqual(0x1234, message.Value);
        }

        [DataRow("", 1)]
        [DataRow("Q0FAC0B1234", 2)]
        [DataRow("a0FAC0B1234", 2)]
        [DataRow("W0FAC0B1234", 2)]
        [DataRow("R0FAC0B", 2)]
        [DataRow("A0FAC0B123", 3)]
        [DataRow("A0FAC", 3)]
        [DataRow("A0FAC0B12345", 3)]
        [DataRow("A0FAC0B12G4", 4)]
        [DataRow("A0F C0B1234", 4)]
        [DataRow("A-FAC0B1234", 4)]
        [DataRow("HTTP/1.1 40", 2)]
        public void MalformedRepliesAreRejectedWithTheirClass(string text, int expectedError)
        {
            byte[] reply = Ascii.Bytes(text);
            WwepMessage message;
            WwepParseError error = WwepCodec.ParseReply(reply, 0, reply.Length, out message);
            Assert.AreEqual(expectedError, (int)error, "reply '" + text + "'");
        }

        [TestMethod]
        public void ReplyWithNulBytesIsRejected()
        {
            byte[] reply = new byte[11];
            reply[0] = (byte)'A';
            WwepMessage message;
            Assert.AreEqual((int)WwepParseError.NotHex, (int)WwepCodec.ParseReply(reply, 0, 11, out message));
        }

        [TestMethod]
        public void CourseRequestsParseOnTheServerSide()
        {
            WwepMessage request;
            byte[] write = Ascii.Bytes("W0FAC0B1234");
            Assert.AreEqual((int)WwepParseError.None, (int)WwepCodec.ParseRequest(write, 0, write.Length, out request));
            Assert.IsTrue(request.IsWrite);
            Assert.AreEqual("W0FAC0B1234", request.ToString());

            byte[] read = Ascii.Bytes("R0BAC0B");
            Assert.AreEqual((int)WwepParseError.None, (int)WwepCodec.ParseRequest(read, 0, read.Length, out request));
            Assert.AreEqual('R', request.Command);
            Assert.AreEqual(0x0BAC, request.DeviceId);
        }

        [TestMethod]
        public void CourseShortWriteIsWrongLength()
        {
            byte[] bad = Ascii.Bytes("W01234");
            WwepMessage request;
            Assert.AreEqual((int)WwepParseError.WrongLength, (int)WwepCodec.ParseRequest(bad, 0, bad.Length, out request));
        }

        [DataRow("W0fac0b12ab\n")]
        [DataRow("W0FAC0B12AB\r\n")]
        [DataRow("w0FAC0B12AB")]
        public void RequestLineEndsAreIgnoredButTheLetterMustBeUppercase(string text)
        {
            byte[] data = Ascii.Bytes(text);
            WwepMessage request;
            WwepParseError error = WwepCodec.ParseRequest(data, 0, data.Length, out request);
            if (text[0] == 'w')
            {
                Assert.AreEqual((int)WwepParseError.UnknownCommand, (int)error);
            }
            else
            {
                Assert.AreEqual((int)WwepParseError.None, (int)error);
                Assert.AreEqual(0x12AB, request.Value);
            }
        }

        [TestMethod]
        public void RequestLengthTellsTheServerWhenARequestIsComplete()
        {
            Assert.AreEqual(11, WwepCodec.RequestLength((byte)'W'));
            Assert.AreEqual(7, WwepCodec.RequestLength((byte)'R'));
            Assert.AreEqual(-1, WwepCodec.RequestLength((byte)'A'));
            Assert.AreEqual(-1, WwepCodec.RequestLength((byte)'w'));
        }

        [TestMethod]
        public void OutOfRangeFieldsAreRefused()
        {
            byte[] buffer = new byte[11];
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => WwepCodec.BuildWrite(buffer, 0, 0x10000, 5, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => WwepCodec.BuildWrite(buffer, 0, 1, 0x100, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => WwepCodec.BuildWrite(buffer, 0, 1, 5, -1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => WwepCodec.BuildRead(buffer, 0, -1, 5));
        }

        [TestMethod]
        public void ABufferWithoutRoomIsRefusedNotOverrun()
        {
            byte[] buffer = new byte[12];
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => WwepCodec.BuildWrite(buffer, 2, 1, 5, 1));
            Assert.AreEqual((byte)0, buffer[11]);
        }

        [TestMethod]
        public void AcceptIsTheServerEchoOfAWrite()
        {
            byte[] buffer = new byte[11];
            WwepCodec.BuildAccept(buffer, 0, 0x0FAC, 0x0B, 0x1234);
            Assert.AreEqual("A0FAC0B1234", WwepCodec.ToPrintable(buffer, 0, 11));
            Assert.AreEqual(1, WwepCodec.BuildReject(buffer, 0));
            Assert.AreEqual((byte)'X', buffer[0]);
        }

        [TestMethod]
        public void EveryFieldValueRoundTrips()
        {
            byte[] buffer = new byte[11];
            WwepMessage message;
            for (int value = 0; value <= 0xFFFF; value += 0x0FFF)
            {
                WwepCodec.BuildAccept(buffer, 0, value, value & 0xFF, 0xFFFF - value);
                Assert.AreEqual((int)WwepParseError.None, (int)WwepCodec.ParseReply(buffer, 0, 11, out message));
                Assert.AreEqual(value, message.DeviceId);
                Assert.AreEqual(value & 0xFF, message.Register);
                Assert.AreEqual(0xFFFF - value, message.Value);
            }
        }

        [TestMethod]
        public void PrintableTextEscapesControlBytesAndCutsLongInput()
        {
            byte[] data = new byte[60];
            data[0] = (byte)'A';
            data[1] = 0x0D;
            string text = WwepCodec.ToPrintable(data, 0, data.Length);
            Assert.IsTrue(text.IndexOf("A\\x0D\\x00") == 0, text);
            Assert.IsTrue(text.Length < 60 * 4, "long input is cut");
            Assert.IsTrue(text.IndexOf("...") > 0, text);
        }

        [DataRow("A02E8050001")]
        [DataRow("A02e8050001")]
        [DataRow("A02E8050001\r\n")]
        [DataRow("A02E8050001\n")]
        [DataRow("a02E8050001")]
        [DataRow("A02E8050000")]
        [DataRow("A02E8060001")]
        [DataRow("A12E8050001")]
        [DataRow("A02E805000")]
        [DataRow("A02E80500011")]
        [DataRow("AG2E8050001")]
        [DataRow("W02E8050001")]
        [DataRow("X")]
        [DataRow("")]
        public void TheByteEchoCheckAgreesWithParsing(string received)
        {
            // The device's success path skips the parse (no WwepMessage on the nanoCLR's heap): it must judge exactly
            // as the parse would, or a reply would count as stored on one path and not on the other.
            byte[] write = new byte[WwepCodec.WriteLength];
            WwepCodec.BuildWrite(write, 0, 0x02E8, WwepCodec.LedRegister, 1);
            byte[] reply = Ascii.Bytes(received);
            WwepMessage message;
            bool parsed = WwepCodec.ParseReply(reply, 0, reply.Length, out message) == WwepParseError.None
                && message.IsAccept
                && WwepCodec.IsEchoOf(message, 0x02E8, WwepCodec.LedRegister, 1);
            Assert.AreEqual(parsed, WwepCodec.IsAcceptEchoOfWrite(reply, 0, reply.Length, write, 0), received);
        }

        [TestMethod]
        public void HexDigitsAreWrittenInUpperCase()
        {
            byte[] buffer = new byte[WwepCodec.WriteLength];
            WwepCodec.BuildWrite(buffer, 0, 0xABCD, 0xEF, 0x0F9A);
            Assert.AreEqual("WABCDEF0F9A", WwepCodec.ToPrintable(buffer, 0, buffer.Length));
            Assert.AreEqual("09AF", HexAscii.Format(0x09AF, 4));
        }
    }
}
