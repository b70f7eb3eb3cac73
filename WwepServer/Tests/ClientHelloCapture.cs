using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;

namespace WwepServer.Tests
{
    /// <summary>A real ClientHello, as .NET's own TLS client sends it, caught by a listener that never answers it.</summary>
    public static class ClientHelloCapture
    {
        /// <summary>Starts a handshake against a silent listener on loopback and returns the client's first TLS record.</summary>
        /// <param name="serverName">The name the client asks for (SNI).</param>
        /// <param name="protocols">The versions it offers.</param>
        /// <returns>The record's bytes.</returns>
        public static async Task<byte[]> CaptureAsync(string serverName, SslProtocols protocols)
        {
            using var bound = new CancellationTokenSource(WwepTestClient.Bound);
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen();
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await client.ConnectAsync(listener.LocalEndPoint!, bound.Token);
            using Socket accepted = await listener.AcceptAsync(bound.Token);
            var tls = new SslStream(new NetworkStream(client, ownsSocket: false));
            Task handshake = tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = serverName,
                EnabledSslProtocols = protocols,
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            }, bound.Token);

            // The record header says how long the ClientHello is.
            byte[] record = new byte[16 * 1024];
            int count = 0;
            while (count < 5 || count < 5 + ((record[3] << 8) | record[4]))
            {
                int received = await accepted.ReceiveAsync(record.AsMemory(count), SocketFlags.None, bound.Token);
                if (received == 0)
                {
                    throw new EndOfStreamException("the client closed before its ClientHello was complete");
                }

                count += received;
            }

            client.Close();
            try
            {
                await handshake;
            }
            catch (Exception e) when (e is IOException || e is AuthenticationException || e is ObjectDisposedException || e is SocketException)
            {
                // The listener never answered: the client gives up, as intended.
            }

            await tls.DisposeAsync();
            return record.AsSpan(0, count).ToArray();
        }
    }
}
