using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using WwepDevice.Core.Protocol;

namespace WwepSimulator.Tests
{
    /// <summary>
    /// A small WWEP server on loopback for the tests: plain or TLS, answering each write with the codec's accept
    /// (or, when told to, with X), and counting what it stored. Or, with <see cref="Behaviour.HangUpMidHandshake"/>, a peer
    /// that hangs up once the handshake has begun.
    /// </summary>
    internal sealed class LoopbackResponder : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly X509Certificate2? _certificate;
        private readonly Behaviour _behaviour;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _loop;
        private readonly object _gate = new object();
        private int _writesAccepted;
        private int _lastValue = -1;

        public LoopbackResponder(X509Certificate2? certificate, Behaviour behaviour)
        {
            _certificate = certificate;
            _behaviour = behaviour;
            _listener.Start();
            _loop = Task.Run(AcceptLoop);
        }

        public enum Behaviour
        {
            Accept,
            Reject,
            HangUpMidHandshake,
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int WritesAccepted
        {
            get { lock (_gate) { return _writesAccepted; } }
        }

        public int LastValue
        {
            get { lock (_gate) { return _lastValue; } }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The accept loop ends with the listener.
            }
        }

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException || ex is SocketException || ex is ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => Serve(client));
            }
        }

        private async Task Serve(TcpClient client)
        {
            using (client)
            {
                if (_behaviour == Behaviour.HangUpMidHandshake)
                {
                    // Take the client's first handshake bytes, then hang up: a server that gives up mid-handshake.
                    client.Client.ReceiveTimeout = 2000;
                    try
                    {
                        client.Client.Receive(new byte[1]);
                    }
                    catch (SocketException)
                    {
                        // The client went first; nothing to wait for.
                    }

                    return;
                }

                try
                {
                    Stream stream = client.GetStream();
                    if (_certificate != null)
                    {
                        SslStream ssl = new SslStream(stream, false);
                        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                        {
                            ServerCertificate = _certificate,
                            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                        }, _stop.Token);
                        stream = ssl;
                    }

                    await Answer(stream);
                    stream.Dispose();
                }
                catch (Exception ex) when (ex is IOException || ex is AuthenticationException || ex is OperationCanceledException || ex is SocketException)
                {
                    // A client that refused our certificate hangs up mid-handshake: that is what those tests want.
                }
            }
        }

        private async Task Answer(Stream stream)
        {
            byte[] request = new byte[WwepCodec.MaxMessageLength];
            int total = 0;
            int wanted = WwepCodec.WriteLength;
            while (total < wanted)
            {
                int n = await stream.ReadAsync(request.AsMemory(total, wanted - total), _stop.Token);
                if (n == 0)
                {
                    return;
                }

                if (total == 0)
                {
                    wanted = Math.Max(1, WwepCodec.RequestLength(request[0]));
                }

                total += n;
            }

            byte[] reply = new byte[WwepCodec.MaxMessageLength];
            int length;
            WwepParseError error = WwepCodec.ParseRequest(request, 0, total, out WwepMessage message);
            if (error == WwepParseError.None && message.IsWrite && _behaviour == Behaviour.Accept)
            {
                lock (_gate)
                {
                    _writesAccepted++;
                    _lastValue = message.Value;
                }

                length = WwepCodec.BuildAccept(reply, 0, message.DeviceId, message.Register, message.Value);
            }
            else
            {
                length = WwepCodec.BuildReject(reply, 0);
            }

            await stream.WriteAsync(reply.AsMemory(0, length), _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }
    }
}
