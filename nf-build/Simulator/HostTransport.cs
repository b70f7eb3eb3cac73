using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Network;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;

namespace WwepSimulator
{
    /// <summary>
    /// The simulator's counterpart of the board's <c>Esp32Transport</c>: DNS with the fallback IP, TCP with a connect
    /// timeout, and TLS 1.2/1.3 through .NET's SslStream with the server name verified and only the project CA
    /// trusted. Failures become the board's diagnosis lines, TLS ones through the same mbedTLS flags and codes.
    /// A TLS request never falls back to plain TCP.
    /// </summary>
    public sealed class HostTransport : IWwepTransport
    {
        private readonly WwepSettings _settings;
        private readonly TlsCredentials? _credentials;
        private readonly int _deviceId;
        private readonly IClock _clock;
        private readonly ExchangeTrace _trace;
        private readonly ServerAddressCache _addresses;

        /// <summary>Creates the transport.</summary>
        /// <param name="settings">Server, ports, timeouts, TLS name.</param>
        /// <param name="credentials">CA and optional device certificate; null when no button uses TLS.</param>
        /// <param name="deviceId">This device's ID, for diagnosis.</param>
        /// <param name="clock">The device clock: certificate dates are judged against it.</param>
        /// <param name="log">Where the fallback notice goes.</param>
        /// <param name="trace">Shows connections and bytes.</param>
        public HostTransport(WwepSettings settings, TlsCredentials? credentials, int deviceId, IClock clock, ILog log, ExchangeTrace trace)
        {
            _settings = settings;
            _credentials = credentials;
            _deviceId = deviceId;
            _clock = clock;
            _trace = trace;
            _addresses = new ServerAddressCache(settings, LookUp, clock, log);
            // The simulated board trusts the one CA it was given, as a board trusts its image's CA, and has no CA
            // bundle stored; its lines name that CA as the board's name theirs.
            Trust = credentials != null
                ? new TrustedCas(new EmbeddedCa(credentials.Ca.SubjectName.Decode(X500DistinguishedNameFlags.UseCommas), credentials.Ca.NotAfter.ToUniversalTime()), TrustedCas.NoneStored)
                : null;
        }

        /// <summary>Every CA the simulated device trusts, for its boot lines and its status block; null without TLS.</summary>
        public TrustedCas? Trust { get; }

        /// <summary>The server's address, looked up once as on the board; the clock keeper shares it.</summary>
        public ServerAddressCache Addresses
        {
            get { return _addresses; }
        }

        /// <inheritdoc/>
        public IWwepConnection Connect(TransportKind kind)
        {
            if (kind == TransportKind.Tls && _credentials == null)
            {
                throw new WwepTransportException(TransportFailure.TlsSetup, TlsFailureCause.BadEmbeddedCredential, "TLS impossible: " + TlsDiagnosis.Explain(TlsFailureCause.BadEmbeddedCredential, string.Empty, _deviceId, _clock.UtcNow));
            }

            string address = _addresses.Resolve();
            int port = _settings.PortFor(kind);
            Socket socket = ConnectSocket(address, port);
            socket.ReceiveTimeout = _settings.ReplyTimeoutMilliseconds;
            socket.SendTimeout = _settings.ReplyTimeoutMilliseconds;
            NetworkStream stream = new NetworkStream(socket, true);
            if (kind == TransportKind.Plain)
            {
                _trace.Note("connected to " + address + ":" + port.ToString() + " (plain TCP)");
                return new StreamConnection(stream, _settings.ServerHost, port, _settings.ReplyTimeoutMilliseconds, _trace);
            }

            return Authenticate(socket, stream, address, port);
        }

        private IWwepConnection Authenticate(Socket socket, NetworkStream network, string address, int port)
        {
            TlsCredentials credentials = _credentials!;
            string host = _settings.EffectiveTlsHostName;
            CertificateVerifier verifier = new CertificateVerifier(credentials.Ca, _clock);
            int flags = 0;
            SslStream stream = new SslStream(network, false);
            SslClientAuthenticationOptions options = new SslClientAuthenticationOptions
            {
                TargetHost = host,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                {
                    flags = verifier.Check(certificate, chain, errors);
                    return flags == 0;
                },
            };
            if (credentials.Device != null)
            {
                options.ClientCertificates = new X509CertificateCollection { credentials.Device };
            }

            try
            {
                // The board cannot bound its handshake (see WwepSettings.ConnectTimeoutMilliseconds); the simulator
                // does, with the connect timeout, so that a stalled server cannot hang a test run.
                socket.ReceiveTimeout = _settings.ConnectTimeoutMilliseconds;
                using (CancellationTokenSource limit = new CancellationTokenSource(_settings.ConnectTimeoutMilliseconds))
                {
                    stream.AuthenticateAsClientAsync(options, limit.Token).GetAwaiter().GetResult();
                }

                socket.ReceiveTimeout = _settings.ReplyTimeoutMilliseconds;
            }
            catch (Exception ex) when (ex is AuthenticationException || ex is IOException || ex is SocketException || ex is OperationCanceledException)
            {
                stream.Dispose();
                bool clientCertificate = credentials.Device != null;
                if (flags != 0)
                {
                    throw HandshakeFailure.FromVerifyFlags(ex.GetType().Name, flags, clientCertificate, _settings, port, _deviceId, _clock.UtcNow, Trust);
                }

                throw HandshakeFailure.FromErrorCode(ex.GetType().Name, MbedTlsCodeFor(ex), clientCertificate, _settings, port, _deviceId, _clock.UtcNow);
            }

            _trace.Note("connected to " + address + ":" + port.ToString() + " (" + DescribeProtocol(stream.SslProtocol) + ", server certificate " + stream.RemoteCertificate?.Subject + " verified for '" + host + "' against the project CA" + (credentials.Device != null ? ", device certificate " + credentials.Device.Subject + " offered" : string.Empty) + ")");
            return new StreamConnection(stream, _settings.ServerHost, port, _settings.ReplyTimeoutMilliseconds, _trace);
        }

        /// <summary>
        /// The mbedTLS error code a board would have seen for a handshake that failed without a certificate
        /// finding: a fatal alert from the server, the server closing or resetting the connection, or a stall.
        /// </summary>
        /// <param name="ex">.NET's exception.</param>
        /// <returns>The code, for example -0x7780.</returns>
        internal static int MbedTlsCodeFor(Exception ex)
        {
            if (ex is OperationCanceledException)
            {
                return TlsDiagnosis.ErrorTimeout;
            }

            for (Exception? inner = ex; inner != null; inner = inner.InnerException)
            {
                if (inner.Message.IndexOf("alert", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return TlsDiagnosis.ErrorFatalAlert;
                }

                if (inner is SocketException socketError)
                {
                    return socketError.SocketErrorCode == SocketError.TimedOut ? TlsDiagnosis.ErrorTimeout : TlsDiagnosis.ErrorConnectionReset;
                }

                if (inner.Message.IndexOf("protocol", StringComparison.OrdinalIgnoreCase) >= 0 && inner.Message.IndexOf("version", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return TlsDiagnosis.ErrorBadProtocolVersion;
                }
            }

            // What is left is the server hanging up mid-handshake (.NET: "unexpected EOF or 0 bytes").
            return TlsDiagnosis.ErrorConnectionEof;
        }

        private Socket ConnectSocket(string address, int port)
        {
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                using CancellationTokenSource limit = new CancellationTokenSource(_settings.ConnectTimeoutMilliseconds);
                socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(address), port), limit.Token).AsTask().GetAwaiter().GetResult();
                return socket;
            }
            catch (OperationCanceledException)
            {
                socket.Dispose();
                throw new WwepTransportException(TransportFailure.ConnectTimeout, TransportMessages.ConnectTimeout(address, port, _settings.ConnectTimeoutMilliseconds));
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                throw ExchangeFailure.ConnectFailed(address, port, nameof(SocketException), true, (int)ex.SocketErrorCode);
            }
        }

        private static string[] LookUp(string host)
        {
            IPAddress[] found = Dns.GetHostAddresses(host, AddressFamily.InterNetwork);
            string[] addresses = new string[found.Length];
            for (int i = 0; i < found.Length; i++)
            {
                addresses[i] = found[i].ToString();
            }

            return addresses;
        }

        private static string DescribeProtocol(SslProtocols protocol)
        {
            return protocol == SslProtocols.Tls13 ? "TLS 1.3" : protocol == SslProtocols.Tls12 ? "TLS 1.2" : protocol.ToString();
        }
    }
}
