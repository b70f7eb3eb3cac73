using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading;
using WwepDevice.Core;

namespace WwepDevice.Esp32
{
    /// <summary>
    /// Connections from the board to the WWEP server: the address from the core's cache, TCP with a connect timeout
    /// and keep-alive, and TLS through nanoFramework's SslStream (mbedTLS): certificate required, server name
    /// verified, TLS 1.2 or 1.3, the embedded CA, optionally the device certificate. It only calls the platform and
    /// hands the core what happened; nothing here ever opens a plain connection for a TLS request.
    /// </summary>
    public sealed class Esp32Transport : IWwepTransport
    {
        // lwIP's option numbers (lwip/sockets.h), passed through by nanoFramework's GetNativeTcpOption.
        private const int LwipTcpKeepIdle = 0x03;
        private const int LwipTcpKeepInterval = 0x04;
        private const int LwipTcpKeepCount = 0x05;

        private readonly WwepSettings _settings;
        private readonly EmbeddedCredentials _credentials;
        private readonly ServerAddressCache _addresses;
        private readonly int _deviceId;

        /// <summary>Creates the transport.</summary>
        /// <param name="settings">Server, ports, timeouts, TLS name.</param>
        /// <param name="credentials">Embedded certificates; null when they could not be loaded (TLS then fails clearly).</param>
        /// <param name="addresses">The server's address, looked up once per network-up.</param>
        /// <param name="deviceId">This device's ID, for diagnosis.</param>
        public Esp32Transport(WwepSettings settings, EmbeddedCredentials credentials, ServerAddressCache addresses, int deviceId)
        {
            _settings = settings;
            _credentials = credentials;
            _addresses = addresses;
            _deviceId = deviceId;
        }

        /// <summary>True while Wi-Fi has an address; set from the core's <see cref="WifiLink"/>.</summary>
        public bool NetworkUp { get; set; }

        /// <summary>The platform's DNS lookup (blocking: every managed thread waits while it runs).</summary>
        /// <param name="host">The name.</param>
        /// <returns>Its addresses.</returns>
        public static string[] LookUp(string host)
        {
            IPAddress[] found = Dns.GetHostEntry(host).AddressList;
            string[] addresses = new string[found.Length];
            for (int i = 0; i < found.Length; i++)
            {
                addresses[i] = found[i].ToString();
            }

            return addresses;
        }

        /// <inheritdoc/>
        public IWwepConnection Connect(TransportKind kind)
        {
            if (!NetworkUp)
            {
                throw new WwepTransportException(TransportFailure.NetworkDown, TransportMessages.NetworkDown());
            }

            if (kind == TransportKind.Tls && _credentials == null)
            {
                throw new WwepTransportException(TransportFailure.TlsSetup, TlsFailureCause.BadEmbeddedCredential, "TLS impossible: " + TlsDiagnosis.Explain(TlsFailureCause.BadEmbeddedCredential, string.Empty, _deviceId, DateTime.UtcNow));
            }

            string address = _addresses.Resolve();
            int port = _settings.PortFor(kind);
            Socket socket = ConnectSocket(address, port);
            socket.ReceiveTimeout = _settings.ReplyTimeoutMilliseconds;
            socket.SendTimeout = _settings.ReplyTimeoutMilliseconds;
            if (kind == TransportKind.Plain)
            {
                return new SocketConnection(socket, _settings.ServerHost, port, _settings.ReplyTimeoutMilliseconds);
            }

            return Authenticate(socket, port);
        }

        private IWwepConnection Authenticate(Socket socket, int port)
        {
            SslStream stream = null;
            bool clientCertificate = _credentials.Device != null;
            try
            {
                stream = new SslStream(socket);

                // The only mode in which mbedTLS checks the peer at all; every other value accepts any server.
                stream.SslVerification = SslVerification.CertificateRequired;

                // Blocks every managed thread until mbedTLS is done; no timeout reaches it (see WwepSettings.ConnectTimeoutMilliseconds).
                stream.AuthenticateAsClient(_settings.EffectiveTlsHostName, _credentials.Device, _credentials.Ca, SslProtocols.Tls12 | SslProtocols.Tls13);
                return new SslConnection(stream, _settings.ServerHost, port, _settings.ReplyTimeoutMilliseconds);
            }
            catch (Exception ex)
            {
                Dispose(stream, socket);
                int code;
                bool hasCode = MbedTlsErrorCode.TryGet(ex, out code);
                throw HandshakeFailure.FromPlatform(ex.GetType().Name, hasCode, code, clientCertificate, _settings, port, _deviceId, DateTime.UtcNow, _credentials.CaFacts);
            }
        }

        // lwIP's connect has no timeout of its own: run it on a helper thread and close the socket if it takes too
        // long, which makes the pending connect fail and the helper thread end.
        private Socket ConnectSocket(string address, int port)
        {
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            EnableKeepAlive(socket);
            ConnectAttempt attempt = new ConnectAttempt(socket, new IPEndPoint(IPAddress.Parse(address), port));
            Thread connector = new Thread(attempt.Run);
            connector.Start();
            if (!connector.Join(_settings.ConnectTimeoutMilliseconds))
            {
                CloseQuietly(socket);
                throw new WwepTransportException(TransportFailure.ConnectTimeout, TransportMessages.ConnectTimeout(address, port, _settings.ConnectTimeoutMilliseconds));
            }

            if (attempt.Error != null)
            {
                CloseQuietly(socket);
                SocketException socketError = attempt.Error as SocketException;
                throw ExchangeFailure.ConnectFailed(address, port, attempt.Error.GetType().Name, socketError != null, socketError != null ? socketError.ErrorCode : 0);
            }

            return socket;
        }

        // The values are the core's (WwepSettings.KeepAlive*); a platform that refuses an option keeps its defaults,
        // which is no worse than not asking.
        private static void EnableKeepAlive(Socket socket)
        {
            try
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)LwipTcpKeepIdle, WwepSettings.KeepAliveIdleSeconds);
                socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)LwipTcpKeepInterval, WwepSettings.KeepAliveIntervalSeconds);
                socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)LwipTcpKeepCount, WwepSettings.KeepAliveProbes);
            }
            catch (Exception)
            {
                // Keep-alive is a mitigation, not a requirement.
            }
        }

        private static void Dispose(SslStream stream, Socket socket)
        {
            try
            {
                if (stream != null)
                {
                    stream.Dispose();
                }
            }
            catch (Exception)
            {
                // Freeing a context whose handshake failed can itself fail; the socket is closed below anyway.
            }

            CloseQuietly(socket);
        }

        private static void CloseQuietly(Socket socket)
        {
            try
            {
                socket.Close();
            }
            catch (Exception)
            {
                // Already closed.
            }
        }
    }
}
