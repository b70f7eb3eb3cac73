using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WwepServer.Tests
{
    /// <summary>
    /// A board as the tests need it: connect, (TLS handshake,) send a request (whole, in pieces, with pauses), read the
    /// reply until the server closes. Every exchange is bounded in time.
    /// </summary>
    public static class WwepTestClient
    {
        /// <summary>The longest any one exchange may take before the test fails.</summary>
        public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

        /// <summary>Sends a whole request and returns the reply.</summary>
        /// <param name="server">Plain or TLS endpoint.</param>
        /// <param name="request">ASCII request.</param>
        /// <param name="tls">Whether to speak TLS.</param>
        /// <param name="clientCertificate">A client certificate for mutual TLS.</param>
        /// <returns>The reply text (empty when the server closed without one).</returns>
        public static Task<string> RequestAsync(IPEndPoint server, string request, bool tls = false, X509Certificate2? clientCertificate = null)
        {
            return ExchangeAsync(server, tls, new[] { Encoding.ASCII.GetBytes(request) }, TimeSpan.Zero, halfClose: false, clientCertificate);
        }

        /// <summary>Sends the request in chunks and returns the reply.</summary>
        /// <param name="server">Plain or TLS endpoint.</param>
        /// <param name="tls">Whether to speak TLS.</param>
        /// <param name="chunks">The pieces, each sent (and flushed) separately.</param>
        /// <param name="pause">Pause after each piece.</param>
        /// <param name="halfClose">Whether to half-close after the last piece (TLS: close_notify, then FIN).</param>
        /// <param name="clientCertificate">A client certificate for mutual TLS.</param>
        /// <param name="protocols">TLS versions to offer (None: the system's choice).</param>
        /// <param name="trustedCa">The CA to trust (default: the shared test PKI's).</param>
        /// <returns>The reply text (empty when the server closed without one).</returns>
        public static async Task<string> ExchangeAsync(
            IPEndPoint server,
            bool tls,
            IReadOnlyList<byte[]> chunks,
            TimeSpan pause,
            bool halfClose,
            X509Certificate2? clientCertificate = null,
            SslProtocols protocols = SslProtocols.None,
            X509Certificate2? trustedCa = null)
        {
            using var bound = new CancellationTokenSource(Bound);
            using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(server, bound.Token);
            await using Stream stream = tls
                ? await HandshakeAsync(socket, clientCertificate, protocols, trustedCa ?? TestPki.Shared.Ca, bound.Token)
                : new NetworkStream(socket, ownsSocket: false);
            try
            {
                foreach (byte[] chunk in chunks)
                {
                    await stream.WriteAsync(chunk, bound.Token);
                    await stream.FlushAsync(bound.Token);
                    if (pause > TimeSpan.Zero)
                    {
                        await Task.Delay(pause, bound.Token);
                    }
                }
            }
            catch (IOException)
            {
                // The server closed early (a limit); whatever it sent before closing is still read below.
                return await ReadToCloseAsync(stream, bound.Token);
            }

            if (halfClose)
            {
                if (stream is SslStream ssl)
                {
                    await ssl.ShutdownAsync();
                }

                socket.Shutdown(SocketShutdown.Send);
            }

            return await ReadToCloseAsync(stream, bound.Token);
        }

        /// <summary>Connects and finishes a TLS handshake.</summary>
        /// <param name="socket">A connected socket.</param>
        /// <param name="clientCertificate">Optional client certificate.</param>
        /// <param name="protocols">TLS versions to offer.</param>
        /// <param name="trustedCa">The CA to trust.</param>
        /// <param name="token">Bound.</param>
        /// <returns>The TLS stream (does not own the socket).</returns>
        public static async Task<SslStream> HandshakeAsync(Socket socket, X509Certificate2? clientCertificate, SslProtocols protocols, X509Certificate2 trustedCa, CancellationToken token)
        {
            var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false);
            await ssl.AuthenticateAsClientAsync(ClientOptions(trustedCa, clientCertificate, protocols), token);
            return ssl;
        }

        /// <summary>TLS client settings that trust only the test CA and check the name localhost, as a board would.</summary>
        /// <param name="trustedCa">The CA to trust.</param>
        /// <param name="clientCertificate">Optional client certificate.</param>
        /// <param name="protocols">TLS versions to offer.</param>
        /// <returns>The settings.</returns>
        public static SslClientAuthenticationOptions ClientOptions(X509Certificate2 trustedCa, X509Certificate2? clientCertificate, SslProtocols protocols)
        {
            return new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                EnabledSslProtocols = protocols,
                ClientCertificates = clientCertificate == null ? null : new X509CertificateCollection { clientCertificate },
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                {
                    if (certificate == null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                    {
                        return false;
                    }

                    using var custom = new X509Chain();
                    custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    custom.ChainPolicy.CustomTrustStore.Add(trustedCa);
                    custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return custom.Build((X509Certificate2)certificate);
                },
            };
        }

        /// <summary>Reads until the server closes (or resets) the connection.</summary>
        /// <param name="stream">The connection.</param>
        /// <param name="token">Bound.</param>
        /// <returns>Everything received, as ASCII.</returns>
        public static async Task<string> ReadToCloseAsync(Stream stream, CancellationToken token)
        {
            var received = new MemoryStream();
            byte[] buffer = new byte[256];
            try
            {
                int count;
                while ((count = await stream.ReadAsync(buffer, token)) > 0)
                {
                    received.Write(buffer, 0, count);
                }
            }
            catch (IOException)
            {
                // A reset ends the reply as a close does; what arrived before it is the answer.
            }

            return Encoding.ASCII.GetString(received.ToArray());
        }

        /// <summary>Sends bytes as they are (no TLS), half-closes, and returns what came back before the server closed.</summary>
        /// <param name="endPoint">Either port.</param>
        /// <param name="data">The bytes.</param>
        /// <param name="from">The loopback address to send from (as a board on another machine), or null for any.</param>
        /// <returns>The reply text (empty when the server closed without one, or reset).</returns>
        public static async Task<string> SendRawAsync(IPEndPoint endPoint, byte[] data, string? from = null)
        {
            using var bound = new CancellationTokenSource(Bound);
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            if (from != null)
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
            }

            await socket.ConnectAsync(endPoint, bound.Token);
            if (data.Length > 0)
            {
                await socket.SendAsync(data, SocketFlags.None, bound.Token);
            }

            await using var stream = new NetworkStream(socket, ownsSocket: false);
            socket.Shutdown(SocketShutdown.Send);
            return await ReadToCloseAsync(stream, bound.Token);
        }
    }
}
