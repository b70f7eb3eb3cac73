using System;

namespace WwepDevice.Core.Protocol
{
    /// <summary>
    /// Builds and parses WWEP messages (see docs/wwep.md) in caller-owned byte buffers.
    /// The device, the simulator and the server all compile this one file, so they cannot disagree.
    /// Nothing here allocates except <see cref="ToPrintable"/> and <see cref="Describe"/>, which are for logs.
    /// </summary>
    public static class WwepCodec
    {
        /// <summary>Write request letter.</summary>
        public const char WriteCommand = 'W';

        /// <summary>Read request letter.</summary>
        public const char ReadCommand = 'R';

        /// <summary>Accepted reply letter.</summary>
        public const char AcceptCommand = 'A';

        /// <summary>Rejected reply letter.</summary>
        public const char RejectCommand = 'X';

        /// <summary>Length of <c>W DDDD RR VVVV</c>.</summary>
        public const int WriteLength = 11;

        /// <summary>Length of <c>R DDDD RR</c>.</summary>
        public const int ReadLength = 7;

        /// <summary>Length of <c>A DDDD RR VVVV</c>.</summary>
        public const int AcceptLength = 11;

        /// <summary>The longest legal request or accepted reply.</summary>
        public const int MaxMessageLength = 11;

        /// <summary>Largest device ID (16 bits).</summary>
        public const int MaxDeviceId = 0xFFFF;

        /// <summary>Largest register number (8 bits: 256 registers per device).</summary>
        public const int MaxRegister = 0xFF;

        /// <summary>Largest register value (16 bits, unsigned).</summary>
        public const int MaxValue = 0xFFFF;

        /// <summary>Register <c>05</c> holds the LED state on a course device.</summary>
        public const int LedRegister = 0x05;

        private const int FieldDeviceId = 0;
        private const int FieldRegister = 1;
        private const int FieldValue = 2;

        /// <summary>Writes <c>W DDDD RR VVVV</c>.</summary>
        /// <param name="buffer">Destination; needs <see cref="WriteLength"/> bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Where the message starts.</param>
        /// <param name="deviceId">0 to 0xFFFF.</param>
        /// <param name="register">0 to 0xFF.</param>
        /// <param name="value">0 to 0xFFFF.</param>
        /// <returns>The number of bytes written (11).</returns>
        /// <exception cref="ArgumentOutOfRangeException">A field is outside its range.</exception>
        public static int BuildWrite(byte[] buffer, int offset, int deviceId, int register, int value)
        {
            return BuildWithValue(buffer, offset, (byte)WriteCommand, deviceId, register, value);
        }

        /// <summary>Writes <c>A DDDD RR VVVV</c> (the server's accepted reply).</summary>
        /// <param name="buffer">Destination; needs <see cref="AcceptLength"/> bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Where the message starts.</param>
        /// <param name="deviceId">0 to 0xFFFF.</param>
        /// <param name="register">0 to 0xFF.</param>
        /// <param name="value">0 to 0xFFFF.</param>
        /// <returns>The number of bytes written (11).</returns>
        /// <exception cref="ArgumentOutOfRangeException">A field is outside its range.</exception>
        public static int BuildAccept(byte[] buffer, int offset, int deviceId, int register, int value)
        {
            return BuildWithValue(buffer, offset, (byte)AcceptCommand, deviceId, register, value);
        }

        /// <summary>Writes <c>R DDDD RR</c>.</summary>
        /// <param name="buffer">Destination; needs <see cref="ReadLength"/> bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Where the message starts.</param>
        /// <param name="deviceId">0 to 0xFFFF.</param>
        /// <param name="register">0 to 0xFF.</param>
        /// <returns>The number of bytes written (7).</returns>
        /// <exception cref="ArgumentOutOfRangeException">A field is outside its range.</exception>
        public static int BuildRead(byte[] buffer, int offset, int deviceId, int register)
        {
            CheckRange(deviceId, MaxDeviceId, FieldDeviceId);
            CheckRange(register, MaxRegister, FieldRegister);
            CheckRoom(buffer, offset, ReadLength);
            buffer[offset] = (byte)ReadCommand;
            HexAscii.Write(buffer, offset + 1, deviceId, 4);
            HexAscii.Write(buffer, offset + 5, register, 2);
            return ReadLength;
        }

        /// <summary>Writes the bare <c>X</c> our server sends for anything illegal.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Where the letter goes.</param>
        /// <returns>The number of bytes written (1).</returns>
        public static int BuildReject(byte[] buffer, int offset)
        {
            CheckRoom(buffer, offset, 1);
            buffer[offset] = (byte)RejectCommand;
            return 1;
        }

        /// <summary>
        /// The full length of a request that starts with <paramref name="command"/>, so a server knows when it has it all.
        /// </summary>
        /// <param name="command">The first byte received.</param>
        /// <returns>11 for <c>W</c>, 7 for <c>R</c>, -1 for anything else.</returns>
        public static int RequestLength(byte command)
        {
            if (command == WriteCommand)
            {
                return WriteLength;
            }

            if (command == ReadCommand)
            {
                return ReadLength;
            }

            return -1;
        }

        /// <summary>
        /// Parses a client's request (<c>W</c> or <c>R</c>). Hex digits may be in either case; one trailing
        /// <c>\n</c> or <c>\r\n</c> (netcat, <c>openssl s_client -crlf</c>) is ignored.
        /// </summary>
        /// <param name="data">The received bytes.</param>
        /// <param name="offset">Where they start.</param>
        /// <param name="count">How many there are.</param>
        /// <param name="request">The request, when the result is <see cref="WwepParseError.None"/>.</param>
        /// <returns><see cref="WwepParseError.None"/> or why the request is illegal (the server answers <c>X</c>).</returns>
        public static WwepParseError ParseRequest(byte[] data, int offset, int count, out WwepMessage request)
        {
            request = new WwepMessage();
            count = WithoutLineEnd(data, offset, count);
            if (count <= 0)
            {
                return WwepParseError.Empty;
            }

            byte command = data[offset];
            int expected = RequestLength(command);
            if (expected < 0)
            {
                return WwepParseError.UnknownCommand;
            }

            if (count != expected)
            {
                return WwepParseError.WrongLength;
            }

            return ParseFields(data, offset, count, ref request);
        }

        /// <summary>
        /// Parses a server's reply: <c>A DDDD RR VVVV</c> (either hex case, optional trailing line end) or <c>X</c>
        /// followed by anything (the course's server adds a reason such as <c>X illegal message length (6)</c>).
        /// </summary>
        /// <param name="data">The received bytes.</param>
        /// <param name="offset">Where they start.</param>
        /// <param name="count">How many there are.</param>
        /// <param name="reply">The reply, when the result is <see cref="WwepParseError.None"/>.</param>
        /// <returns><see cref="WwepParseError.None"/> or why the bytes are not a reply.</returns>
        public static WwepParseError ParseReply(byte[] data, int offset, int count, out WwepMessage reply)
        {
            reply = new WwepMessage();
            if (count <= 0)
            {
                return WwepParseError.Empty;
            }

            byte command = data[offset];
            if (command == RejectCommand)
            {
                reply.Command = RejectCommand;
                int reasonStart = offset + 1;
                int reasonLength = count - 1;

                // "X illegal ..." : the separating space is not part of the reason.
                while (reasonLength > 0 && data[reasonStart] == ' ')
                {
                    reasonStart++;
                    reasonLength--;
                }

                reasonLength = WithoutLineEnd(data, reasonStart, reasonLength);
                reply.ReasonOffset = reasonStart;
                reply.ReasonLength = reasonLength;
                return WwepParseError.None;
            }

            if (command != AcceptCommand)
            {
                return WwepParseError.UnknownCommand;
            }

            count = WithoutLineEnd(data, offset, count);
            if (count != AcceptLength)
            {
                return WwepParseError.WrongLength;
            }

            return ParseFields(data, offset, count, ref reply);
        }

        /// <summary>
        /// True when <paramref name="reply"/> is the exact echo the server owes for a write of
        /// <paramref name="deviceId"/>, <paramref name="register"/>, <paramref name="value"/>.
        /// </summary>
        /// <param name="reply">A parsed reply.</param>
        /// <param name="deviceId">The device ID written.</param>
        /// <param name="register">The register written.</param>
        /// <param name="value">The value written.</param>
        /// <returns>Whether the write was acknowledged.</returns>
        public static bool IsEchoOf(WwepMessage reply, int deviceId, int register, int value)
        {
            return reply.Command == AcceptCommand
                && reply.DeviceId == deviceId
                && reply.Register == register
                && reply.Value == value;
        }

        /// <summary>
        /// True when the received bytes are the exact echo of a write: the same as <see cref="ParseReply"/> giving an
        /// accept for which <see cref="IsEchoOf"/> holds, but without a <see cref="WwepMessage"/>. The device's
        /// success path uses it because the nanoCLR puts every struct local, <c>out</c> and copy on the heap.
        /// </summary>
        /// <param name="data">The received bytes.</param>
        /// <param name="offset">Where they start.</param>
        /// <param name="count">How many there are.</param>
        /// <param name="write">The write request that was sent (as <see cref="BuildWrite"/> made it).</param>
        /// <param name="writeOffset">Where it starts.</param>
        /// <returns>True for the echo, whatever the case of its hex digits, with or without one line end.</returns>
        public static bool IsAcceptEchoOfWrite(byte[] data, int offset, int count, byte[] write, int writeOffset)
        {
            if (WithoutLineEnd(data, offset, count) != AcceptLength || data[offset] != AcceptCommand)
            {
                return false;
            }

            for (int i = 1; i < AcceptLength; i++)
            {
                int digit = HexAscii.DigitValue(data[offset + i]);
                if (digit < 0 || digit != HexAscii.DigitValue(write[writeOffset + i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A sentence a person can act on for each parse error.</summary>
        /// <param name="error">The error.</param>
        /// <returns>For example "wrong length for its command letter".</returns>
        public static string Describe(WwepParseError error)
        {
            switch (error)
            {
                case WwepParseError.None:
                    return "legal message";
                case WwepParseError.Empty:
                    return "nothing received";
                case WwepParseError.UnknownCommand:
                    return "unknown command letter";
                case WwepParseError.WrongLength:
                    return "wrong length for its command letter";
                case WwepParseError.NotHex:
                    return "a field holds a character that is not a hex digit";
                default:
                    return "unknown parse error";
            }
        }

        /// <summary>
        /// The bytes as log text: printable ASCII as is, anything else as <c>\xNN</c>, cut after 48 bytes.
        /// Allocates; for logs only.
        /// </summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">Where they start.</param>
        /// <param name="count">How many there are.</param>
        /// <returns>Printable text.</returns>
        public static string ToPrintable(byte[] data, int offset, int count)
        {
            const int Shown = 48;
            int shown = count > Shown ? Shown : count;
            char[] text = new char[(shown * 4) + 3];
            int length = 0;
            for (int i = 0; i < shown; i++)
            {
                byte b = data[offset + i];
                if (b >= 0x20 && b < 0x7F && b != '\\')
                {
                    text[length++] = (char)b;
                }
                else
                {
                    text[length++] = '\\';
                    text[length++] = 'x';
                    text[length++] = HexAscii.Format(b >> 4, 1)[0];
                    text[length++] = HexAscii.Format(b, 1)[0];
                }
            }

            if (count > shown)
            {
                text[length++] = '.';
                text[length++] = '.';
                text[length++] = '.';
            }

            return new string(text, 0, length);
        }

        private static int BuildWithValue(byte[] buffer, int offset, byte command, int deviceId, int register, int value)
        {
            CheckRange(deviceId, MaxDeviceId, FieldDeviceId);
            CheckRange(register, MaxRegister, FieldRegister);
            CheckRange(value, MaxValue, FieldValue);
            CheckRoom(buffer, offset, WriteLength);
            buffer[offset] = command;
            HexAscii.Write(buffer, offset + 1, deviceId, 4);
            HexAscii.Write(buffer, offset + 5, register, 2);
            HexAscii.Write(buffer, offset + 7, value, 4);
            return WriteLength;
        }

        private static WwepParseError ParseFields(byte[] data, int offset, int count, ref WwepMessage message)
        {
            int deviceId = HexAscii.Read(data, offset + 1, 4);
            int register = HexAscii.Read(data, offset + 5, 2);
            int value = 0;
            if (count == WriteLength)
            {
                value = HexAscii.Read(data, offset + 7, 4);
            }

            if (deviceId < 0 || register < 0 || value < 0)
            {
                return WwepParseError.NotHex;
            }

            message.Command = (char)data[offset];
            message.DeviceId = deviceId;
            message.Register = register;
            message.Value = value;
            return WwepParseError.None;
        }

        // One trailing "\n" or "\r\n" is framing from line-oriented tools, not part of the message.
        private static int WithoutLineEnd(byte[] data, int offset, int count)
        {
            if (count > 0 && data[offset + count - 1] == '\n')
            {
                count--;
                if (count > 0 && data[offset + count - 1] == '\r')
                {
                    count--;
                }
            }

            return count;
        }

        // The field's name is chosen only when it is thrown: a literal passed on every call would allocate on the nanoCLR.
        private static void CheckRange(int value, int max, int field)
        {
            if (value < 0 || value > max)
            {
                string name = field == FieldDeviceId ? "deviceId" : field == FieldRegister ? "register" : "value";
                throw new ArgumentOutOfRangeException(name, name + " must be 0 to " + max.ToString() + ", got " + value.ToString());
            }
        }

        private static void CheckRoom(byte[] buffer, int offset, int length)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || offset + length > buffer.Length)
            {
                throw new ArgumentOutOfRangeException("offset", "buffer has no room for " + length.ToString() + " bytes at " + offset.ToString());
            }
        }
    }
}
