using System.Text;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>When the bytes received so far make a complete request (the socket tests cover the timing).</summary>
    public sealed class RequestFramerTests
    {
        [Theory]
        [InlineData("", FrameState.NeedMore)]
        [InlineData("W0FAC0B123", FrameState.NeedMore)]
        [InlineData("W0FAC0B1234", FrameState.FullLength)]
        [InlineData("R0FAC0B", FrameState.FullLength)]
        [InlineData("R0FAC0B\r", FrameState.AwaitingLineFeed)]
        [InlineData("R0FAC0B\n", FrameState.Complete)]
        [InlineData("R0FAC0B\r\n", FrameState.Complete)]
        [InlineData("R0FAC0B0", FrameState.Complete)]
        [InlineData("Q0FAC0B1234", FrameState.NeedMore)] // unknown letter: wait for close or silence
        public void ClassifiesByTheCommandLettersLength(string received, FrameState expected)
        {
            byte[] data = Encoding.ASCII.GetBytes(received);
            Assert.Equal(expected, RequestFramer.Classify(data, data.Length, 64));
        }

        [Fact]
        public void MoreThanTheLimitIsTooLongWhateverItHolds()
        {
            byte[] data = Encoding.ASCII.GetBytes("Q" + new string('0', 20));
            Assert.Equal(FrameState.TooLong, RequestFramer.Classify(data, data.Length, 20));
            Assert.Equal(FrameState.NeedMore, RequestFramer.Classify(data, 20, 20));
        }
    }
}
