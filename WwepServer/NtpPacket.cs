using System;
using System.Buffers.Binary;

namespace WwepServer
{
    /// <summary>
    /// The server side of the NTP packet (RFC 5905 section 7.3, as SNTP uses it, RFC 4330): checks a client's
    /// request and writes the server's reply. Timestamps are NTP's 64-bit format, seconds since 1900 in the current
    /// era (they wrap in 2036, and clients take the era nearest their own clock), with a 32-bit binary fraction.
    /// The device has its own portable codec; this one is for the server only.
    /// </summary>
    public static class NtpPacket
    {
        /// <summary>The length of a packet without extension fields or authenticator.</summary>
        public const int Length = 48;

        /// <summary>Mode 3: a client's request.</summary>
        public const int ClientMode = 3;

        /// <summary>Mode 4: a server's reply.</summary>
        public const int ServerMode = 4;

        /// <summary>
        /// The stratum the server claims: one step below a reference clock, as a host kept right by its own NTP is.
        /// Boards only need a clock good to seconds for certificate dates; they must not mistake it for a primary source.
        /// </summary>
        public const byte Stratum = 2;

        private const int TransmitOffset = 40;
        private static readonly DateTime NtpEpoch = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>Whether a datagram is a request this server answers: 48 bytes at least, version 1 to 4, client mode.</summary>
        /// <param name="request">The datagram.</param>
        /// <returns>True when it deserves a reply; anything else is dropped without one.</returns>
        public static bool IsClientRequest(ReadOnlySpan<byte> request)
        {
            if (request.Length < Length)
            {
                return false;
            }

            int version = (request[0] >> 3) & 0x7;
            int mode = request[0] & 0x7;
            return version >= 1 && version <= 4 && mode == ClientMode;
        }

        /// <summary>Writes the reply to a client request (see <see cref="IsClientRequest"/>).</summary>
        /// <param name="request">The client's request.</param>
        /// <param name="received">When the request arrived (host clock, UTC).</param>
        /// <param name="transmit">When the reply leaves (host clock, UTC).</param>
        /// <param name="reply">Receives <see cref="Length"/> bytes.</param>
        public static void WriteReply(ReadOnlySpan<byte> request, DateTime received, DateTime transmit, Span<byte> reply)
        {
            reply.Slice(0, Length).Clear();
            int version = (request[0] >> 3) & 0x7;
            reply[0] = (byte)((0 << 6) | (version << 3) | ServerMode); // leap indicator 0: no warning
            reply[1] = Stratum;
            reply[2] = request[2]; // poll: the client's own interval, echoed as RFC 4330 suggests
            reply[3] = unchecked((byte)(sbyte)-20); // precision: about a microsecond, as the host clock reads

            // Root delay 0 and root dispersion about 1 ms: the host is the best source a classroom network has.
            BinaryPrimitives.WriteUInt32BigEndian(reply.Slice(8), 0x00000041);

            // Reference identifier: "LOCL", the host's own clock (this server does not know its upstream source).
            reply[12] = (byte)'L';
            reply[13] = (byte)'O';
            reply[14] = (byte)'C';
            reply[15] = (byte)'L';
            WriteTimestamp(reply.Slice(16), received);                              // reference: the clock was read just now
            request.Slice(TransmitOffset, 8).CopyTo(reply.Slice(24));               // originate: the client's transmit, verbatim
            WriteTimestamp(reply.Slice(32), received);                              // receive
            WriteTimestamp(reply.Slice(TransmitOffset), transmit);                  // transmit
        }

        /// <summary>Writes a time as an NTP timestamp (current era: seconds since 1900 modulo 2^32).</summary>
        /// <param name="destination">Eight bytes.</param>
        /// <param name="time">A UTC time.</param>
        public static void WriteTimestamp(Span<byte> destination, DateTime time)
        {
            long ticks = time.ToUniversalTime().Ticks - NtpEpoch.Ticks;
            ulong seconds = (ulong)(ticks / TimeSpan.TicksPerSecond);
            ulong fraction = ((ulong)(ticks % TimeSpan.TicksPerSecond) << 32) / TimeSpan.TicksPerSecond;
            BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)seconds);
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), (uint)fraction);
        }

        /// <summary>Reads an NTP timestamp as a UTC time, taking the era (1900-2036 or 2036-2172) nearest to a pivot.</summary>
        /// <param name="source">Eight bytes.</param>
        /// <param name="pivot">A time the result is known to be near (the reader's own clock).</param>
        /// <returns>The time.</returns>
        public static DateTime ReadTimestamp(ReadOnlySpan<byte> source, DateTime pivot)
        {
            uint seconds = BinaryPrimitives.ReadUInt32BigEndian(source);
            uint fraction = BinaryPrimitives.ReadUInt32BigEndian(source.Slice(4));
            long eraTicks = (1L << 32) * TimeSpan.TicksPerSecond;
            long ticks = (seconds * TimeSpan.TicksPerSecond) + (long)(((ulong)fraction * TimeSpan.TicksPerSecond) >> 32);
            long pivotTicks = pivot.ToUniversalTime().Ticks - NtpEpoch.Ticks;
            while (ticks + (eraTicks / 2) < pivotTicks)
            {
                ticks += eraTicks;
            }

            return new DateTime(NtpEpoch.Ticks + ticks, DateTimeKind.Utc);
        }
    }
}
