using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading;
using WwepDevice.Core;

namespace WwepDevice.Esp32
{
    /// <summary>
    /// Connections from the board to the WWEP server: DNS with the fallback IP, TCP with a connect timeout, and TLS
    /// through nanoFramework's SslStream (mbedTLS): certificate required, server name verified, TLS 1.2 or 1.3, the
    /// embedded CA, optionally the device certificate. A TLS connection that fails is reported; nothing here ever
    /// opens a plain connection for a TLS request.
    /// </summary>
    public sealed class Esp32Transport : IWwepTransport
    {
        private readonly WwepSettings _settings;
        private readonly EmbeddedCredentials _credentials;
        private readonly ILog _log;
        private readonly int _deviceId;
        private readonly HostLookup _lookup;

        /// <summary>Creates the transport.</summary>
        /// <param name="settings">Server, ports, timeouts, TLS name.</param>
        /// <param name="credentials">Embedded certificates; null when they could not be loaded (TLS then fails clearly).</param>
        /// <param name="deviceId">This device's ID, for diagnosis.</param>
        /// <param name="log">Where the fallback notice goes.</param>
        public Esp32Transport(WwepSettings settings, EmbeddedCredentials credentials, int deviceId, ILog log)
        {
            _settings = settings;
            _credentials = credentials;
            _deviceId = deviceId;
            _log = log;
            _lookup = LookUp;
        }

        /// <summary>True while Wi-Fi has an address; set by <see cref="WifiConnector"/>.</summary>
        public bool NetworkUp { get; set; }

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

            string address = ServerAddress.Choose(_settings, _lookup, _log);
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
            string host = _settings.EffectiveTlsHostName;
            try
            {
                stream = new SslStream(socket);

                // The only mode in which mbedTLS checks the peer at all; every other value accepts any server.
                stream.SslVerification = SslVerification.CertificateRequired;
                socket.ReceiveTimeout = _settings.ConnectTimeoutMilliseconds;
                stream.AuthenticateAsClient(host, _credentials.Device, _credentials.Ca, SslProtocols.Tls12 | SslProtocols.Tls13);
                socket.ReceiveTimeout = _settings.ReplyTimeoutMilliseconds;
                return new SslConnection(stream, _settings.ServerHost, port, _settings.ReplyTimeoutMilliseconds);
            }
            catch (OutOfMemoryException)
            {
                Dispose(stream, socket);
                throw Failure(TlsFailureCause.OutOfMemory, port, "OutOfMemoryException", TlsDiagnosis.Explain(TlsFailureCause.OutOfMemory, host, _deviceId, DateTime.UtcNow));
            }
            catch (Exception ex)
            {
                Dispose(stream, socket);
                int code;
                if (!MbedTlsErrorCode.TryGet(ex, out code))
                {
                    // Older firmware: a bare SocketException (or IOException) without the mbedTLS code.
                    throw Failure(TlsFailureCause.Unknown, port, SocketErrors.Describe(ex), TlsDiagnosis.ExplainWithoutCode());
                }

                TlsFailureCause cause;
                string evidence;
                if (code < 0)
                {
                    cause = TlsDiagnosis.FromErrorCode(code);
                    evidence = TlsDiagnosis.CodeEvidence(ex.GetType().Name, code);
                }
                else
                {
                    // A failed verification carries the MBEDTLS_X509_BADCERT_* flags, not an error code.
                    cause = TlsDiagnosis.FromVerifyFlags(code);
                    evidence = TlsDiagnosis.FlagsEvidence(ex.GetType().Name, code);
                }

                throw Failure(cause, port, evidence, TlsDiagnosis.Explain(cause, host, _deviceId, DateTime.UtcNow));
            }
        }

        private WwepTransportException Failure(TlsFailureCause cause, int port, string evidence, string explanation)
        {
            return new WwepTransportException(TransportFailure.TlsHandshake, cause, TlsDiagnosis.Line(_settings.ServerHost, port, evidence, explanation));
        }

        // lwIP's connect has no timeout of its own: run it on a helper thread and close the socket if it takes too
        // long, which makes the pending connect fail and the helper thread end.
        private Socket ConnectSocket(string address, int port)
        {
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
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
                throw new WwepTransportException(TransportFailure.ConnectFailed, TransportMessages.ConnectFailed(address, port, SocketErrors.Describe(attempt.Error)));
            }

            return socket;
        }

        private static string[] LookUp(string host)
        {
            IPAddress[] found = Dns.GetHostEntry(host).AddressList;
            string[] addresses = new string[found.Length];
            for (int i = 0; i < found.Length; i++)
            {
                addresses[i] = found[i].ToString();
            }

            return addresses;
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
