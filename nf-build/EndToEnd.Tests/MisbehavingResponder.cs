using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WwepEndToEnd.Tests
{
    /// <summary>
    /// A deliberately faulty WWEP peer on loopback (plain TCP), for the replies the real server never gives: X with a
    /// reason, garbage, a short reply, no reply, a reset in the middle of the reply. Switching it to
    /// <see cref="Misbehaviour.None"/> is the fix: it then answers with the exact echo.
    /// </summary>
    public sealed class MisbehavingResponder : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly List<Socket> _held = new List<Socket>();
        private readonly Task _loop;
        private int _behaviour;
        private int _requests;

        /// <summary>Starts listening on a free loopback port.</summary>
        /// <param name="behaviour">How to answer.</param>
        public MisbehavingResponder(Misbehaviour behaviour)
        {
            _behaviour = (int)behaviour;
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _loop = Task.Run(AcceptLoop);
        }

        /// <summary>The port.</summary>
        public int Port { get; }

        /// <summary>Complete requests received.</summary>
        public int Requests
        {
            get { return Volatile.Read(ref _requests); }
        }

        /// <summary>How the next requests are answered.</summary>
        public Misbehaviour Behaviour
        {
            get { return (Misbehaviour)Volatile.Read(ref _behaviour); }
            set { Volatile.Write(ref _behaviour, (int)value); }
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_held)
            {
                foreach (Socket socket in _held)
                {
                    socket.Dispose();
                }
            }

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
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException || ex is SocketException || ex is ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => Answer(socket));
            }
        }

        private void Answer(Socket socket)
        {
            bool keep = false;
            try
            {
                socket.ReceiveTimeout = 2000;
                byte[] request = new byte[11];
                int total = 0;
                int n;
                while (total < request.Length && (n = socket.Receive(request, total, request.Length - total, SocketFlags.None)) > 0)
                {
                    total += n;
                }

                if (total < request.Length)
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                byte[] accept = Encoding.ASCII.GetBytes("A" + Encoding.ASCII.GetString(request, 1, 10));
                switch (Behaviour)
                {
                    case Misbehaviour.None:
                        socket.Send(accept);
                        break;
                    case Misbehaviour.RejectWithReason:
                        socket.Send(Encoding.ASCII.GetBytes("X Not Found\n"));
                        break;
                    case Misbehaviour.Garbage:
                        socket.Send(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\n\r\n"));
                        break;
                    case Misbehaviour.ShortReply:
                        socket.Send(accept, 0, 5, SocketFlags.None);
                        break;
                    case Misbehaviour.NoReply:
                        // Held open until Dispose: the device's reply timeout must end the wait.
                        keep = true;
                        lock (_held)
                        {
                            _held.Add(socket);
                        }

                        break;
                    case Misbehaviour.ResetMidReply:
                        socket.Send(accept, 0, 5, SocketFlags.None);
                        Thread.Sleep(50);

                        // Linger 0: close sends RST, not FIN.
                        socket.LingerState = new LingerOption(true, 0);
                        break;
                }
            }
            catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException)
            {
                // A peer that went away is the device's business, not the responder's.
            }
            finally
            {
                if (!keep)
                {
                    socket.Dispose();
                }
            }
        }
    }
}
