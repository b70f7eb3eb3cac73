using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace WwepEndToEnd.Tests
{
    /// <summary>
    /// A listener on the port a TLS device is told is the plain one. It answers nothing and counts connections:
    /// a TLS device must never open one, whatever fails, so the count must stay 0 (no request in the clear).
    /// </summary>
    public sealed class PlainPortSentinel : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _loop;
        private int _connections;

        /// <summary>Starts listening on a free loopback port.</summary>
        public PlainPortSentinel()
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _loop = Task.Run(AcceptLoop);
        }

        /// <summary>The port.</summary>
        public int Port { get; }

        /// <summary>Connections accepted so far.</summary>
        public int Connections
        {
            get { return Volatile.Read(ref _connections); }
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            try
            {
                _loop.Wait(2000);
            }
            catch (AggregateException)
            {
                // The loop ends with the listener's cancellation.
            }

            _stop.Dispose();
        }

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using Socket socket = await _listener.AcceptSocketAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                }
                catch (Exception ex) when (ex is OperationCanceledException || ex is SocketException || ex is ObjectDisposedException)
                {
                    return;
                }
            }
        }
    }
}
