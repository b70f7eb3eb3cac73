using System;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>NTP timestamps in the era format: seconds since 1900 modulo 2^32, read back in the era nearest a pivot.</summary>
    public sealed class NtpPacketTests
    {
        [Theory]
        [InlineData("1970-01-01T00:00:00Z", 2208988800u)]
        [InlineData("2026-11-29T12:00:00Z", 4004942400u)]
        [InlineData("2036-02-07T06:28:16Z", 0u)] // era 1 begins
        [InlineData("2040-01-01T00:00:00Z", 123010304u)]
        public void SecondsAreCountedFrom1900InTheCurrentEra(string time, uint seconds)
        {
            DateTime utc = DateTime.Parse(time, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
            byte[] stamp = new byte[8];
            NtpPacket.WriteTimestamp(stamp, utc);
            Assert.Equal(seconds, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(stamp));
            Assert.Equal(utc, NtpPacket.ReadTimestamp(stamp, utc.AddDays(-3)));
        }

        [Fact]
        public void TheFractionKeepsSubMillisecondTime()
        {
            DateTime utc = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567);
            byte[] stamp = new byte[8];
            NtpPacket.WriteTimestamp(stamp, utc);
            TimeSpan error = NtpPacket.ReadTimestamp(stamp, utc) - utc;
            Assert.InRange(Math.Abs(error.Ticks), 0, 1);
        }
    }
}
