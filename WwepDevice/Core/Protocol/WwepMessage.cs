namespace WwepDevice.Core.Protocol
{
    /// <summary>
    /// One decoded WWEP message: a request (<c>W</c>, <c>R</c>) or a reply (<c>A</c>, <c>X</c>).
    /// A struct, so that parsing a reply allocates nothing.
    /// </summary>
    public struct WwepMessage
    {
        /// <summary>The command letter: <c>'W'</c>, <c>'R'</c>, <c>'A'</c> or <c>'X'</c>.</summary>
        public char Command;

        /// <summary>The 16-bit device ID (not set for <c>X</c>).</summary>
        public int DeviceId;

        /// <summary>The 8-bit register number (not set for <c>X</c>).</summary>
        public int Register;

        /// <summary>The 16-bit value (<c>W</c> and <c>A</c> only).</summary>
        public int Value;

        /// <summary>For <c>X</c>: where the server's optional reason text starts in the parsed buffer.</summary>
        public int ReasonOffset;

        /// <summary>For <c>X</c>: how many bytes of reason text follow the letter (0 when the server sent a bare <c>X</c>).</summary>
        public int ReasonLength;

        /// <summary>True for a write request.</summary>
        public bool IsWrite
        {
            get { return Command == WwepCodec.WriteCommand; }
        }

        /// <summary>True for an accepted reply.</summary>
        public bool IsAccept
        {
            get { return Command == WwepCodec.AcceptCommand; }
        }

        /// <summary>True for a rejected reply.</summary>
        public bool IsReject
        {
            get { return Command == WwepCodec.RejectCommand; }
        }

        /// <summary>
        /// The message in its wire form (uppercase hex), for logs and tests. Allocates: keep it off the hot path.
        /// </summary>
        /// <returns>For example <c>W0FAC0B1234</c>.</returns>
        public override string ToString()
        {
            byte[] text = new byte[WwepCodec.WriteLength];
            int length;
            switch (Command)
            {
                case WwepCodec.WriteCommand:
                    length = WwepCodec.BuildWrite(text, 0, DeviceId, Register, Value);
                    break;
                case WwepCodec.ReadCommand:
                    length = WwepCodec.BuildRead(text, 0, DeviceId, Register);
                    break;
                case WwepCodec.AcceptCommand:
                    length = WwepCodec.BuildAccept(text, 0, DeviceId, Register, Value);
                    break;
                default:
                    return Command.ToString();
            }

            return WwepCodec.ToPrintable(text, 0, length);
        }
    }
}
