using System;

namespace WwepDevice.Core.Clock
{
    /// <summary>
    /// The SNTP messages the device exchanges with a time server (RFC 4330): a 48-byte client request and the checks
    /// a reply must pass before its time is believed.
    /// </summary>
    public static class SntpPacket
    {
        /// <summary>Length of an SNTP message without extensions.</summary>
        public const int Length = 48;

        /// <summary>The standard NTP port.</summary>
        public const int DefaultPort = 123;

        private const int TransmitOffset = 40;
        private const int OriginateOffset = 24;
        private const int ModeClient = 3;
        private const int ModeServer = 4;
        private const int ModeBroadcast = 5;
        private const int AlarmCondition = 3;

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
            buffer[0] = (byte)((4 << 3) | ModeClient);
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
            if (mode != ModeServer && mode != ModeBroadcast)
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

            long seconds = ReadUInt32(reply, TransmitOffset);
            long fraction = ReadUInt32(reply, TransmitOffset + 4);
            if (seconds == 0 && fraction == 0)
            {
                return "the reply carries no time";
            }

            if ((seconds & 0x80000000L) == 0)
            {
                seconds += SecondsPerEra;
            }

            long ticks = (seconds * TimeSpan.TicksPerSecond) + ((fraction * TimeSpan.TicksPerSecond) >> 32);
            serverUtc = Era0.AddTicks(ticks);
            return string.Empty;
        }

        /// <summary>Writes an NTP timestamp (used by tests and by servers).</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Where the 8 bytes go.</param>
        /// <param name="utc">The time.</param>
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
