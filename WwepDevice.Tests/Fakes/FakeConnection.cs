using WwepDevice.Core.Network;
using WwepDevice.Core.Protocol;

namespace WwepDevice.Tests.Fakes
{
    /// <summary>
    /// A scripted server connection: records the request, then hands out the reply bytes in chunks of
    /// <see cref="ChunkSize"/> and ends as the script says. Reusable: <see cref="Reset"/> rewinds it.
    /// </summary>
    public sealed class FakeConnection : IWwepConnection
    {
        private readonly byte[] _sent = new byte[64];
        private byte[] _reply;
        private int _replyPosition;

        /// <summary>Creates a connection that will answer with <paramref name="reply"/>.</summary>
        /// <param name="reply">The reply bytes.</param>
        /// <param name="script">How the exchange ends.</param>
        public FakeConnection(byte[] reply, ReplyScript script)
        {
            _reply = reply;
            Script = script;
            ChunkSize = 64;
        }

        /// <summary>How the exchange ends.</summary>
        public ReplyScript Script { get; set; }

        /// <summary>The most bytes one Receive hands out (to test split replies).</summary>
        public int ChunkSize { get; set; }

        /// <summary>How many bytes were sent.</summary>
        public int SentCount { get; private set; }

        /// <summary>Whether Close was called.</summary>
        public bool Closed { get; private set; }

        /// <summary>How many Receive calls were made.</summary>
        public int Receives { get; private set; }

        /// <summary>The request as text.</summary>
        public string SentText
        {
            get { return WwepCodec.ToPrintable(_sent, 0, SentCount); }
        }

        /// <summary>Rewinds the connection for another exchange with another reply.</summary>
        /// <param name="reply">The next reply.</param>
        public void Reset(byte[] reply)
        {
            _reply = reply;
            _replyPosition = 0;
            SentCount = 0;
            Closed = false;
            Receives = 0;
        }

        /// <inheritdoc/>
        public void Send(byte[] buffer, int offset, int count)
        {
            if (Script == ReplyScript.ResetOnSend)
            {
                throw new WwepTransportException(TransportFailure.ConnectionLost, TransportMessages.ConnectionLost("fake", 1, "reset by peer"));
            }

            for (int i = 0; i < count; i++)
            {
                _sent[SentCount++] = buffer[offset + i];
            }
        }

        /// <inheritdoc/>
        public int Receive(byte[] buffer, int offset, int count)
        {
            Receives++;
            int left = _reply.Length - _replyPosition;
            if (left > 0)
            {
                int n = left < count ? left : count;
                n = n < ChunkSize ? n : ChunkSize;
                for (int i = 0; i < n; i++)
                {
                    buffer[offset + i] = _reply[_replyPosition++];
                }

                return n;
            }

            if (Script == ReplyScript.ReplyThenTimeout)
            {
                throw new WwepTransportException(TransportFailure.ReplyTimeout, TransportMessages.ReplyTimeout("fake", 1, 3000));
            }

            if (Script == ReplyScript.ReplyThenReset)
            {
                throw new WwepTransportException(TransportFailure.ConnectionLost, TransportMessages.ConnectionLost("fake", 1, "reset by peer"));
            }

            return 0;
        }

        /// <inheritdoc/>
        public void Close()
        {
            Closed = true;
        }
    }
}
