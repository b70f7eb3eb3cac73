using System;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace WwepServer
{
    /// <summary>
    /// The TLS port's settings: TLS 1.2 and 1.3 with the server certificate and, under mutual TLS, a client certificate
    /// judged by <see cref="ClientCertificatePolicy"/>. Without mutual TLS every handshake shares one options object; with
    /// it, each handshake gets its own, whose callback leaves the verdict on that connection's recorder.
    /// </summary>
    public sealed class TlsServerSettings
    {
        private readonly SslServerAuthenticationOptions _shared;
        private readonly ClientCertificatePolicy? _policy;

        /// <summary>Creates the settings.</summary>
        /// <param name="certificate">The server certificate.</param>
        /// <param name="policy">The client certificate policy under mutual TLS, else null.</param>
        public TlsServerSettings(ServerCertificate certificate, ClientCertificatePolicy? policy)
        {
            _policy = policy;
            _shared = Options(certificate.Context, policy != null);
        }

        /// <summary>The options for one handshake.</summary>
        /// <param name="recorder">The connection's recorder, which receives the client certificate's verdict.</param>
        /// <returns>The options.</returns>
        public SslServerAuthenticationOptions ForConnection(HandshakeRecorder recorder)
        {
            if (_policy == null)
            {
                return _shared;
            }

            SslServerAuthenticationOptions options = Options(_shared.ServerCertificateContext!, requireClientCertificate: true);
            ClientCertificatePolicy policy = _policy;
            options.RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
            {
                ClientCertificateVerdict verdict = policy.Judge(certificate, chain, DateTime.UtcNow);
                recorder.ClientCertificate = verdict;
                return verdict.Accepted;
            };
            return options;
        }

        private static SslServerAuthenticationOptions Options(SslStreamCertificateContext context, bool requireClientCertificate)
        {
            return new SslServerAuthenticationOptions
            {
                ServerCertificateContext = context,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                ClientCertificateRequired = requireClientCertificate,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                AllowRenegotiation = false,
            };
        }
    }
}
