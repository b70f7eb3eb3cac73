namespace WwepDevice.Core.Tls
{
    /// <summary>The likely cause of a failed TLS connection, among those the field reports show.</summary>
    public enum TlsFailureCause
    {
        /// <summary>Not classified; the log line carries the raw code.</summary>
        Unknown = 0,

        /// <summary>The device clock is not set: certificate dates cannot be checked.</summary>
        ClockNotSet,

        /// <summary>The server certificate does not chain to the embedded CA.</summary>
        UnknownCa,

        /// <summary>The server certificate does not name the host the device verifies.</summary>
        NameMismatch,

        /// <summary>The server certificate's validity has ended.</summary>
        CertificateExpired,

        /// <summary>The server certificate's validity starts after the device clock.</summary>
        CertificateNotYetValid,

        /// <summary>The certificate uses a hash, key type or curve the firmware's mbedTLS refuses.</summary>
        UnacceptableAlgorithm,

        /// <summary>
        /// Verification failed and the firmware did not say why: firmware before nf-interpreter #3460 reports a foreign
        /// CA, a wrong name and expired dates alike as mbedTLS -0x2700 without the verify flags.
        /// </summary>
        VerifyFailed,

        /// <summary>The server wants a client certificate and got none, or refused the one sent.</summary>
        ClientCertificateRefused,

        /// <summary>The server closed or reset the connection during the handshake.</summary>
        HandshakeReset,

        /// <summary>No TLS version or cipher suite in common.</summary>
        NoCommonProtocol,

        /// <summary>The board ran out of memory for TLS buffers.</summary>
        OutOfMemory,

        /// <summary>An embedded certificate or key could not be parsed.</summary>
        BadEmbeddedCredential,

        /// <summary>
        /// The server ended the handshake with a fatal alert (mbedTLS -0x7780). The code does not say which alert:
        /// a required or refused client certificate, no common version or cipher, an unknown server name.
        /// </summary>
        FatalAlert,

        /// <summary>
        /// mbedTLS could not set up the connection before any byte was sent (nanoFramework's SslError values, most
        /// often no heap for the 33 KB of TLS buffers). A retry can succeed once memory is free.
        /// </summary>
        SetupFailed,

        /// <summary>
        /// The setup failed and the firmware gave no reason: firmware before nf-interpreter #3460 turns every setup
        /// failure, a failed allocation included, into <c>SocketException</c> -1. Retried once.
        /// </summary>
        SetupFailedWithoutReason,

        /// <summary>
        /// The server ended the TLS session right after a complete handshake, before any reply: a transport failure (a
        /// restarted server, a broken link, on the older native a write that failed silently). Always retried: with a
        /// client certificate the device offers only TLS 1.2, where a refusal is a handshake alert, not a late close.
        /// </summary>
        SessionEndedAfterHandshake,

        /// <summary>
        /// mbedTLS -0x7A00: the server certificate's keyUsage/extKeyUsage does not allow a TLS server, or its curve was
        /// not offered. Needs a new server certificate.
        /// </summary>
        BadServerCertificate,
    }
}
