namespace WwepServer
{
    /// <summary>
    /// Why a connection did not get what it came for, as far as the server can tell: from the TLS alert the client
    /// sent, OpenSSL's reason, the client certificate the server judged, the first bytes the client sent, or how the
    /// connection ended. <see cref="FailureCatalog"/> gives each one its words and its fix.
    /// </summary>
    public enum FailureCause
    {
        /// <summary>The client's alert: unknown CA (it does not trust this server's certificate).</summary>
        UntrustedServer,

        /// <summary>The client's alert: bad certificate (mbedTLS sends it when the name does not match).</summary>
        ServerNameRefused,

        /// <summary>The client's alert: certificate expired.</summary>
        ServerCertificateExpired,

        /// <summary>The client's alert: certificate unknown, revoked or access denied.</summary>
        ServerCertificateRefused,

        /// <summary>The client's alert: unsupported certificate (key type, size or usage).</summary>
        ServerCertificateUnusable,

        /// <summary>No TLS version in common (the client's offer, or its protocol_version alert).</summary>
        TlsVersion,

        /// <summary>No cipher suite, curve or signature method in common.</summary>
        NoCommonCipher,

        /// <summary>Handshake messages that did not check out (decrypt error, illegal parameter, unexpected message...).</summary>
        CorruptHandshake,

        /// <summary>Another alert from the client.</summary>
        ClientAlert,

        /// <summary>Another OpenSSL reason.</summary>
        TlsOther,

        /// <summary>Mutual TLS: the client sent no certificate.</summary>
        ClientCertificateMissing,

        /// <summary>Mutual TLS: the client certificate does not chain to --client-ca.</summary>
        ClientCertificateOtherCa,

        /// <summary>Mutual TLS: the client certificate has expired.</summary>
        ClientCertificateExpired,

        /// <summary>Mutual TLS: the client certificate is not valid yet.</summary>
        ClientCertificateNotYetValid,

        /// <summary>Mutual TLS: the client certificate was refused for another reason (usage, signature).</summary>
        ClientCertificateRefused,

        /// <summary>Mutual TLS: the certificate was accepted, but its CN is no device ID, so every request gets X.</summary>
        NotADevice,

        /// <summary>Mutual TLS: a request for another device than the certificate names (answered X).</summary>
        OtherDevice,

        /// <summary>Plain WWEP sent to the TLS port.</summary>
        PlainOnTlsPort,

        /// <summary>A TLS ClientHello sent to the plain port.</summary>
        TlsOnPlainPort,

        /// <summary>An HTTP request sent to a WWEP port.</summary>
        HttpOnWwepPort,

        /// <summary>Bytes that are neither TLS nor WWEP on the TLS port.</summary>
        NotTls,

        /// <summary>Connected to the TLS port and closed without sending a byte.</summary>
        ClosedBeforeHello,

        /// <summary>Connected to the TLS port and sent nothing until the handshake limit.</summary>
        SilentBeforeHello,

        /// <summary>Began the handshake, then sent nothing more until the handshake limit.</summary>
        StalledMidHandshake,

        /// <summary>Closed or reset the connection during the handshake, without an alert.</summary>
        VanishedMidHandshake,

        /// <summary>Finished the handshake, then closed without sending a request.</summary>
        ClosedAfterHandshake,
    }
}
