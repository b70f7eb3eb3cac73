using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading;
using WwepDevice.Core.Network;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;

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

        // The option values, made once: Socket.SetSocketOption(..., int) builds a new byte[4] on every call (System.Net
        // 1.11.54 Socket.cs), and the byte[] overload hands the same bytes to the native setsockopt.
        private static readonly byte[] OptionOn = LittleEndian(1);
        private static readonly byte[] KeepIdle = LittleEndian(WwepSettings.KeepAliveIdleSeconds);
        private static readonly byte[] KeepInterval = LittleEndian(WwepSettings.KeepAliveIntervalSeconds);
        private static readonly byte[] KeepCount = LittleEndian(WwepSettings.KeepAliveProbes);

        private readonly WwepSettings _settings;
        private readonly EmbeddedCredentials _credentials;
        private readonly ServerAddressCache _addresses;
        private readonly int _deviceId;

        // What one press would otherwise allocate again each time (issue: a press churned about 2 KB of the board's
        // heap): the connect thread, the server's end points per resolved address, and the connection wrappers.
        private readonly ConnectAttempt _attempt = new ConnectAttempt();
        private readonly TimedWorker _connector;

        // Made once: a delegate per send would cost the heap 72 bytes each time.
        private readonly ThreadStart _prepareAttempt;
        private readonly TrustedCas _trust;
        private readonly SocketConnection _plain;
        private readonly SslConnection _tls;
        private string _endPointAddress;
        private IPEndPoint _plainEndPoint;
        private IPEndPoint _tlsEndPoint;

        /// <summary>Creates the transport.</summary>
        /// <param name="settings">Server, ports, timeouts, TLS name.</param>
        /// <param name="credentials">Embedded certificates; null when they could not be loaded (TLS then fails clearly).</param>
        /// <param name="addresses">The server's address, looked up once per network-up.</param>
        /// <param name="deviceId">This device's ID, for diagnosis.</param>
        /// <param name="trust">Every CA the board trusts, named by the lines of an unknown CA.</param>
        public Esp32Transport(WwepSettings settings, EmbeddedCredentials credentials, ServerAddressCache addresses, int deviceId, TrustedCas trust)
        {
            _settings = settings;
            _credentials = credentials;
            _trust = trust;
            _addresses = addresses;
            _deviceId = deviceId;
            _connector = new TimedWorker(_attempt.Run);
            _prepareAttempt = _attempt.Prepare;
            _plain = new SocketConnection(null, settings.ServerHost, settings.PlainPort, settings.ReplyTimeoutMilliseconds);
            _tls = new SslConnection(null, settings.ServerHost, settings.TlsPort, settings.ReplyTimeoutMilliseconds);
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
            Socket socket = ConnectSocket(address, port, EndPointFor(address, kind));
            socket.ReceiveTimeout = _settings.ReplyTimeoutMilliseconds;
            socket.SendTimeout = _settings.ReplyTimeoutMilliseconds;
            if (kind == TransportKind.Plain)
            {
                _plain.Attach(socket);
                return _plain;
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
                SslProtocols versions = TlsVersionChoice.OffersTls13(clientCertificate) ? SslProtocols.Tls12 | SslProtocols.Tls13 : SslProtocols.Tls12;
                stream.AuthenticateAsClient(_settings.EffectiveTlsHostName, _credentials.Device, _credentials.Ca, versions);
                _tls.Attach(stream);
                return _tls;
            }
            catch (Exception ex)
            {
                Dispose(stream, socket);
                int code;
                bool hasCode = MbedTlsErrorCode.TryGet(ex, out code);
                throw HandshakeFailure.FromPlatform(ex.GetType().Name, hasCode, code, clientCertificate, _settings, port, _deviceId, DateTime.UtcNow, _trust);
            }
        }

        // lwIP's connect has no timeout of its own: run it on the long-lived connect thread and close the socket if it
        // takes too long, which makes the pending connect fail and frees the thread for the next send.
        private Socket ConnectSocket(string address, int port, IPEndPoint endPoint)
        {
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            EnableKeepAlive(socket);
            _attempt.Stage(socket, endPoint);
            if (!_connector.Run(_settings.ConnectTimeoutMilliseconds, _prepareAttempt))
            {
                CloseQuietly(socket);
                throw new WwepTransportException(TransportFailure.ConnectTimeout, TransportMessages.ConnectTimeout(address, port, _settings.ConnectTimeoutMilliseconds));
            }

            if (_attempt.Error != null)
            {
                Exception error = _attempt.Error;
                CloseQuietly(socket);
                SocketException socketError = error as SocketException;
                throw ExchangeFailure.ConnectFailed(address, port, error.GetType().Name, socketError != null, socketError != null ? socketError.ErrorCode : 0);
            }

            return socket;
        }

        // The end points are made again only when the resolved address changes (a new network, a fallback).
        private IPEndPoint EndPointFor(string address, TransportKind kind)
        {
            if (address != _endPointAddress)
            {
                IPAddress ip = IPAddress.Parse(address);
                _plainEndPoint = new IPEndPoint(ip, _settings.PlainPort);
                _tlsEndPoint = new IPEndPoint(ip, _settings.TlsPort);
                _endPointAddress = address;
            }

            return kind == TransportKind.Tls ? _tlsEndPoint : _plainEndPoint;
        }

        // The values are the core's (WwepSettings.KeepAlive*); a platform that refuses an option keeps its defaults,
        // which is no worse than not asking.
        private static void EnableKeepAlive(Socket socket)
        {
            try
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, OptionOn);
                socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)LwipTcpKeepIdle, KeepIdle);
                socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)LwipTcpKeepInterval, KeepInterval);
                socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)LwipTcpKeepCount, KeepCount);
            }
            catch (Exception)
            {
                // Keep-alive is a mitigation, not a requirement.
            }
        }

        private static byte[] LittleEndian(int value)
        {
            return new byte[] { (byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24) };
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
