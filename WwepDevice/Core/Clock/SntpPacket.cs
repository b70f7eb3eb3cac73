using System;

namespace WwepDevice.Core.Clock
{
    /// <summary>
    /// The SNTP message (RFC 4330, the 48-byte NTP packet of RFC 5905 section 7.3) for both ends: the device's client
    /// request and the checks a reply must pass before its time is believed, and the WWEP server's answer to such a
    /// request. One codec serves the board and the server (WwepServer's SNTP responder), as WwepCodec does for WWEP,
    /// so neither can write a packet the other reads differently. Timestamps are NTP's 64-bit format: seconds since
    /// 1900 modulo 2^32 and a 32-bit binary fraction.
    /// </summary>
    public static class SntpPacket
    {
        /// <summary>Length of an SNTP message without extensions.</summary>
        public const int Length = 48;

        /// <summary>The standard NTP port.</summary>
        public const int DefaultPort = 123;

        /// <summary>Mode 3: a client's request.</summary>
        public const int ClientMode = 3;

        /// <summary>Mode 4: a server's reply.</summary>
        public const int ServerMode = 4;

        /// <summary>
        /// The stratum a server answering from its host clock claims: one step below a reference clock, as a host kept
        /// right by its own NTP is. Boards need a clock good to seconds for certificate dates; they must not take it for
        /// a primary source.
        /// </summary>
        public const int ServerStratum = 2;

        private const int TransmitOffset = 40;
        private const int ReceiveOffset = 32;
        private const int OriginateOffset = 24;
        private const int ReferenceOffset = 16;
        private const int ModeBroadcast = 5;
        private const int AlarmCondition = 3;

        // Precision -20 as a signed byte: 2^-20 s, about a microsecond, as a host clock reads.
        private const byte HostPrecision = 0xEC;

        // Root dispersion 0x00000041 (16.16 seconds): about 1 ms, the host being the best source a classroom has.
        private const byte HostRootDispersion = 0x41;

        // 1900-01-01, the NTP epoch; timestamps whose top bit is clear belong to era 1 (from 2036-02-07 on).
        private static readonly DateTime Era0 = new DateTime(1900, 1, 1, 0, 0, 0);
        private const long SecondsPerEra = 4294967296L;

        /// <summary>Writes a client request: version 4, mode 3, the transmit timestamp as a nonce the reply must echo.</summary>
        /// <param name="buffer">At least <see cref="Length"/> bytes.</param>
        /// <param name="nonce">Any value that changes per request; goes into the transmit timestamp.</param>
        public static void BuildRequest(byte[] buffer, long nonce)
        {
            for (int i = 0; i < Length; i++)
            {
                buffer[i] = 0;
            }

            // LI 0, VN 4, Mode 3.
            buffer[0] = (byte)((4 << 3) | ClientMode);
            for (int i = 0; i < 8; i++)
            {
                buffer[TransmitOffset + i] = (byte)(nonce >> (56 - (8 * i)));
            }
        }

        /// <summary>
        /// Checks a reply and reads the server's transmit time.
        /// </summary>
        /// <param name="reply">What arrived.</param>
        /// <param name="count">How many bytes arrived.</param>
        /// <param name="request">The request it must answer (its transmit timestamp must come back as originate).</param>
        /// <param name="serverUtc">The server's time when it answered.</param>
        /// <returns>Empty when the reply is good; else what is wrong with it.</returns>
        public static string ParseReply(byte[] reply, int count, byte[] request, out DateTime serverUtc)
        {
            serverUtc = Era0;
            if (count < Length)
            {
                return "short SNTP reply (" + count.ToString() + " of " + Length.ToString() + " bytes)";
            }

            int mode = reply[0] & 0x07;
            int version = (reply[0] >> 3) & 0x07;
            int leap = reply[0] >> 6;
            int stratum = reply[1];
            if (mode != ServerMode && mode != ModeBroadcast)
            {
                return "not an SNTP server reply (mode " + mode.ToString() + ")";
            }

            if (version < 3 || version > 4)
            {
                return "unsupported NTP version " + version.ToString();
            }

            if (leap == AlarmCondition || stratum == 0 || stratum > 15)
            {
                return "the server's own clock is not synchronized (leap " + leap.ToString() + ", stratum " + stratum.ToString() + ")";
            }

            for (int i = 0; i < 8; i++)
            {
                if (reply[OriginateOffset + i] != request[TransmitOffset + i])
                {
                    return "the reply does not answer this request (originate timestamp differs)";
                }
            }

            if (ReadUInt32(reply, TransmitOffset) == 0 && ReadUInt32(reply, TransmitOffset + 4) == 0)
            {
                return "the reply carries no time";
            }

            serverUtc = ReadTimestamp(reply, TransmitOffset);
            return string.Empty;
        }

        /// <summary>
        /// Whether a datagram is a request a server answers: at least <see cref="Length"/> bytes, NTP version 1 to 4,
        /// client mode. Anything else gets no reply.
        /// </summary>
        /// <param name="request">The datagram.</param>
        /// <param name="count">How many bytes of it arrived.</param>
        /// <returns>True when it deserves a reply.</returns>
        public static bool IsClientRequest(byte[] request, int count)
        {
            if (count < Length)
            {
                return false;
            }

            int version = (request[0] >> 3) & 0x07;
            int mode = request[0] & 0x07;
            return version >= 1 && version <= 4 && mode == ClientMode;
        }

        /// <summary>
        /// Writes a server's reply to a client request (see <see cref="IsClientRequest"/>) from the host's clock: no
        /// leap warning, the client's version and poll echoed, stratum <see cref="ServerStratum"/>, reference "LOCL"
        /// (the host's own clock: the server does not know its upstream source), the client's transmit timestamp as
        /// originate, as RFC 4330 asks.
        /// </summary>
        /// <param name="request">The client's request.</param>
        /// <param name="received">When the request arrived (host clock, UTC).</param>
        /// <param name="transmit">When the reply leaves (host clock, UTC).</param>
        /// <param name="reply">Receives <see cref="Length"/> bytes.</param>
        public static void WriteReply(byte[] request, DateTime received, DateTime transmit, byte[] reply)
        {
            for (int i = 0; i < Length; i++)
            {
                reply[i] = 0;
            }

            int version = (request[0] >> 3) & 0x07;
            reply[0] = (byte)((version << 3) | ServerMode);
            reply[1] = ServerStratum;
            reply[2] = request[2];
            reply[3] = HostPrecision;
            reply[11] = HostRootDispersion;
            reply[12] = (byte)'L';
            reply[13] = (byte)'O';
            reply[14] = (byte)'C';
            reply[15] = (byte)'L';
            WriteTimestamp(reply, ReferenceOffset, received);
            Array.Copy(request, TransmitOffset, reply, OriginateOffset, 8);
            WriteTimestamp(reply, ReceiveOffset, received);
            WriteTimestamp(reply, TransmitOffset, transmit);
        }

        /// <summary>
        /// Reads an NTP timestamp. The era follows RFC 4330 section 3: a set top bit of the seconds is 1968 to 2036, a
        /// clear one 2036 to 2104.
        /// </summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Where the 8 bytes are.</param>
        /// <returns>The time (UTC).</returns>
        public static DateTime ReadTimestamp(byte[] buffer, int offset)
        {
            long seconds = ReadUInt32(buffer, offset);
            long fraction = ReadUInt32(buffer, offset + 4);
            if ((seconds & 0x80000000L) == 0)
            {
                seconds += SecondsPerEra;
            }

            long ticks = (seconds * TimeSpan.TicksPerSecond) + ((fraction * TimeSpan.TicksPerSecond) >> 32);
            return Era0.AddTicks(ticks);
        }

        /// <summary>Writes an NTP timestamp (seconds since 1900 modulo 2^32, then the fraction).</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Where the 8 bytes go.</param>
        /// <param name="utc">The time (UTC).</param>
        public static void WriteTimestamp(byte[] buffer, int offset, DateTime utc)
        {
            long ticks = (utc - Era0).Ticks;
            long seconds = ticks / TimeSpan.TicksPerSecond;
            long fraction = ((ticks % TimeSpan.TicksPerSecond) << 32) / TimeSpan.TicksPerSecond;
            WriteUInt32(buffer, offset, seconds);
            WriteUInt32(buffer, offset + 4, fraction);
        }

        private static long ReadUInt32(byte[] buffer, int offset)
        {
            return ((long)buffer[offset] << 24) | ((long)buffer[offset + 1] << 16) | ((long)buffer[offset + 2] << 8) | buffer[offset + 3];
        }

        private static void WriteUInt32(byte[] buffer, int offset, long value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }
    }
}
