using WwepDevice.Core.Network;
using WwepDevice.Core.Protocol;

namespace WwepDevice.Benchmarks
{
    /// <summary>A server in memory: answers each write with its exact echo, as WwepServer would. Reused, so it allocates nothing.</summary>
    internal sealed class EchoConnection : IWwepConnection, IWwepTransport
    {
        private readonly byte[] _reply = new byte[WwepCodec.AcceptLength];
        private int _replyLength;
        private int _position;

        public IWwepConnection Connect(TransportKind kind)
        {
            _replyLength = 0;
            _position = 0;
            return this;
        }

        public void Send(byte[] buffer, int offset, int count)
        {
            WwepCodec.ParseRequest(buffer, offset, count, out WwepMessage request);
            _replyLength = WwepCodec.BuildAccept(_reply, 0, request.DeviceId, request.Register, request.Value);
        }

        public int Receive(byte[] buffer, int offset, int count)
        {
            int n = System.Math.Min(count, _replyLength - _position);
            System.Array.Copy(_reply, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public void Close()
        {
        }
    }
}
