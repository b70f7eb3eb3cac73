using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace WwepServer
{
    /// <summary>
    /// One accepted connection's resources, created only when needed (the stream and the timer are not, on the fast
    /// path of a plain request that has already arrived), and all released together.
    /// </summary>
    internal sealed class Connection : IAsyncDisposable
    {
        private NetworkStream? _stream;
        private CancellationTokenSource? _timeout;

        public Connection(Socket socket)
        {
            Socket = socket;
        }

        public Socket Socket { get; }

        /// <summary>The TLS layer, once the connection is on the TLS port.</summary>
        public SslStream? Tls { get; set; }

        /// <summary>What requests are read from: the TLS layer, or the socket as a stream.</summary>
        public Stream Stream
        {
            get { return Tls ?? (Stream)SocketStream; }
        }

        /// <summary>The socket as a stream (what the TLS layer reads from).</summary>
        public NetworkStream SocketStream
        {
            get { return _stream ??= new NetworkStream(Socket, ownsSocket: false); }
        }

        /// <summary>The timer for the current wait; re-armed with CancelAfter for each wait.</summary>
        public CancellationTokenSource Timeout
        {
            get { return _timeout ??= new CancellationTokenSource(); }
        }

        /// <summary>A timer that has not fired yet (the previous one may have: that is what ended the request).</summary>
        /// <returns>The timer.</returns>
        public CancellationTokenSource FreshTimeout()
        {
            if (_timeout != null && _timeout.IsCancellationRequested)
            {
                _timeout.Dispose();
                _timeout = null;
            }

            return Timeout;
        }

        public async ValueTask DisposeAsync()
        {
            _timeout?.Dispose();
            if (Tls != null)
            {
                await Tls.DisposeAsync().ConfigureAwait(false);
            }

            if (_stream != null)
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
            }

            Socket.Dispose();
        }
    }
}
