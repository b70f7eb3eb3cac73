using System;
using WwepDevice.Core.Network;
using WwepDevice.Core.Settings;

namespace WwepDevice.Core.Tls
{
    /// <summary>
    /// Turns what <c>SslStream.AuthenticateAsClient</c> threw on the board (the exception's type name and its code,
    /// nothing more) into the failure the device reports. Every rule about those facts lives here, where tests reach
    /// it; the ESP32 adapter only hands them over.
    /// </summary>
    /// <remarks>
    /// What the real firmware throws (nf-interpreter, <c>src/DeviceInterfaces/System.Net/
    /// sys_net_native_System_Net_Security_SslNative.cpp</c> and <c>src/PAL/Include/nanoPAL_Sockets.h</c>, 2026):
    /// <list type="bullet">
    /// <item>the setup (<c>SecureClientInit</c>) throws <c>CryptographicException</c> with the raw <c>SslError</c>
    /// number 3..9 (3 DrbgSeedFailed, 4 ConfigDefaultsFailed, 5 UnsupportedProtocolVersion, 6 PrivateKeyParseFailed,
    /// 7 CertificateParseFailed, 8 OwnCertConfigFailed, 9 SetupFailed), <c>OutOfMemoryException</c> for
    /// SslError 2;</item>
    /// <item>the handshake (<c>SecureConnect</c>, #3460/#3468) throws <c>CryptographicException</c> with the
    /// verify flags (positive) after MBEDTLS_ERR_X509_CERT_VERIFY_FAILED, else the negative mbedTLS code;</item>
    /// <item>firmware before July 2026 threw <c>SocketException</c> whose <c>ErrorCode</c> is the negative mbedTLS code
    /// (nanoframework/Home#633). Measured on that native (nf-interpreter 3367392a with mbedTLS 3.6.5, managed System.Net
    /// 1.11.54): a foreign CA, a wrong name and an expired certificate all give -0x2700 with no flags; a server that
    /// closes during the handshake gives -0x7280; any setup failure gives -1 (read in its SslNative, not run).</item>
    /// </list>
    /// So a positive code from 1 to 13 can be either verify flags or an SslError: the two readings are told apart where
    /// one of them is impossible and named both where they are not.
    /// </remarks>
    public static class HandshakeFailure
    {
        /// <summary>SslError_DrbgSeedFailed.</summary>
        public const int SetupDrbgSeed = 3;

        /// <summary>SslError_ConfigDefaultsFailed.</summary>
        public const int SetupConfigDefaults = 4;

        /// <summary>SslError_UnsupportedProtocolVersion.</summary>
        public const int SetupUnsupportedProtocol = 5;

        /// <summary>SslError_PrivateKeyParseFailed.</summary>
        public const int SetupPrivateKeyParse = 6;

        /// <summary>SslError_CertificateParseFailed.</summary>
        public const int SetupCertificateParse = 7;

        /// <summary>SslError_OwnCertConfigFailed.</summary>
        public const int SetupOwnCertificate = 8;

        /// <summary>SslError_SetupFailed (mbedtls_ssl_setup: usually no heap for the record buffers).</summary>
        public const int SetupFailed = 9;

        /// <summary>
        /// What firmware before nf-interpreter #3460 puts in the <c>SocketException</c> of any TLS setup failure, a failed
        /// allocation included (<c>SslNative</c> at 3367392a: every InitHelper failure leaves through
        /// SOCK_SOCKET_ERROR).
        /// </summary>
        public const int OlderFirmwareSetupError = -1;

        private const string CryptographicExceptionName = "CryptographicException";
        private const string SocketExceptionName = "SocketException";

        /// <summary>
        /// The failure for what the board's <c>AuthenticateAsClient</c> threw.
        /// </summary>
        /// <param name="exceptionType">The exception's type name, for example <c>CryptographicException</c>.</param>
        /// <param name="hasCode">True when the exception carried a code (its <c>ErrorCode</c>).</param>
        /// <param name="code">That code.</param>
        /// <param name="clientCertificateSent">True when the device offered its certificate.</param>
        /// <param name="settings">Server name and TLS name.</param>
        /// <param name="port">The TLS port.</param>
        /// <param name="deviceId">This device's ID.</param>
        /// <param name="clockUtc">The device clock.</param>
        /// <param name="trust">Every CA the board trusts, for the lines of an unknown CA (both generations); null when unknown.</param>
        /// <returns>The exception to throw; its message is the one line the device logs.</returns>
        public static WwepTransportException FromPlatform(string exceptionType, bool hasCode, int code, bool clientCertificateSent, WwepSettings settings, int port, int deviceId, DateTime clockUtc, TrustedCas trust)
        {
            if (exceptionType == "OutOfMemoryException")
            {
                return Build(TransportFailure.TlsHandshake, TlsFailureCause.OutOfMemory, exceptionType, settings, port, deviceId, clockUtc, clientCertificateSent, string.Empty);
            }

            if (!hasCode)
            {
                return new WwepTransportException(TransportFailure.TlsHandshake, TlsFailureCause.Unknown, TlsDiagnosis.Line(settings.ServerHost, port, exceptionType, TlsDiagnosis.ExplainWithoutCode()));
            }

            if (code == OlderFirmwareSetupError && exceptionType == SocketExceptionName)
            {
                return Build(TransportFailure.TlsSetup, TlsFailureCause.SetupFailedWithoutReason, exceptionType + " -1, no mbedTLS code", settings, port, deviceId, clockUtc, clientCertificateSent, string.Empty);
            }

            if (code < 0)
            {
                // Negative is an mbedTLS error code, from CryptographicException and from older firmware's SocketException.
                return FromErrorCode(exceptionType, code, clientCertificateSent, settings, port, deviceId, clockUtc, trust);
            }

            if (exceptionType != CryptographicExceptionName)
            {
                // A positive SocketException code (10054 reset, 10060 timed out) during the handshake: the connection broke.
                return Build(TransportFailure.TlsHandshake, TlsFailureCause.HandshakeReset, exceptionType + " " + code.ToString(), settings, port, deviceId, clockUtc, clientCertificateSent, string.Empty);
            }

            return FromPositiveCryptographicCode(exceptionType, code, clientCertificateSent, settings, port, deviceId, clockUtc, trust);
        }

        /// <summary>The failure for known verification flags (the simulator's certificate check reports them as such).</summary>
        /// <param name="exceptionType">The exception's type name, for the evidence.</param>
        /// <param name="flags">MBEDTLS_X509_BADCERT_* flags.</param>
        /// <param name="clientCertificateSent">True when the device offered its certificate.</param>
        /// <param name="settings">Server name and TLS name.</param>
        /// <param name="port">The TLS port.</param>
        /// <param name="deviceId">This device's ID.</param>
        /// <param name="clockUtc">The device clock.</param>
        /// <returns>The exception to throw.</returns>
        public static WwepTransportException FromVerifyFlags(string exceptionType, int flags, bool clientCertificateSent, WwepSettings settings, int port, int deviceId, DateTime clockUtc)
        {
            return FromVerifyFlags(exceptionType, flags, clientCertificateSent, settings, port, deviceId, clockUtc, null);
        }

        /// <summary>The failure for known verification flags, naming every CA the board trusts when it is an unknown CA.</summary>
        /// <param name="exceptionType">The exception's type name, for the evidence.</param>
        /// <param name="flags">MBEDTLS_X509_BADCERT_* flags.</param>
        /// <param name="clientCertificateSent">True when the device offered its certificate.</param>
        /// <param name="settings">Server name and TLS name.</param>
        /// <param name="port">The TLS port.</param>
        /// <param name="deviceId">This device's ID.</param>
        /// <param name="clockUtc">The device clock.</param>
        /// <param name="trust">Every CA the board trusts; null when unknown.</param>
        /// <returns>The exception to throw.</returns>
        public static WwepTransportException FromVerifyFlags(string exceptionType, int flags, bool clientCertificateSent, WwepSettings settings, int port, int deviceId, DateTime clockUtc, TrustedCas trust)
        {
            return Build(TransportFailure.TlsHandshake, TlsDiagnosis.FromVerifyFlags(flags), TlsDiagnosis.FlagsEvidence(exceptionType, flags), settings, port, deviceId, clockUtc, clientCertificateSent, string.Empty, trust);
        }

        /// <summary>The failure for a negative mbedTLS error code.</summary>
        /// <param name="exceptionType">The exception's type name, for the evidence.</param>
        /// <param name="code">The mbedTLS code, for example -0x7780.</param>
        /// <param name="clientCertificateSent">True when the device offered its certificate.</param>
        /// <param name="settings">Server name and TLS name.</param>
        /// <param name="port">The TLS port.</param>
        /// <param name="deviceId">This device's ID.</param>
        /// <param name="clockUtc">The device clock.</param>
        /// <returns>The exception to throw.</returns>
        public static WwepTransportException FromErrorCode(string exceptionType, int code, bool clientCertificateSent, WwepSettings settings, int port, int deviceId, DateTime clockUtc)
        {
            return FromErrorCode(exceptionType, code, clientCertificateSent, settings, port, deviceId, clockUtc, null);
        }

        // The one place a negative code is read; the trusted CAs go into the line for -0x2700 when known.
        private static WwepTransportException FromErrorCode(string exceptionType, int code, bool clientCertificateSent, WwepSettings settings, int port, int deviceId, DateTime clockUtc, TrustedCas trust)
        {
            if (code == TlsDiagnosis.ErrorVerifyFailed)
            {
                return VerifyFailedWithoutFlags(exceptionType, settings, port, clockUtc, trust);
            }

            return Build(TransportFailure.TlsHandshake, TlsDiagnosis.FromErrorCode(code), TlsDiagnosis.CodeEvidence(exceptionType, code), settings, port, deviceId, clockUtc, clientCertificateSent, string.Empty);
        }

        /// <summary>The name of a setup error number, as nanoPAL_Sockets.h spells it.</summary>
        /// <param name="code">3 to 9.</param>
        /// <returns>For example <c>SetupFailed</c>; empty for other numbers.</returns>
        public static string SetupErrorName(int code)
        {
            switch (code)
            {
                case SetupDrbgSeed:
                    return "DrbgSeedFailed";
                case SetupConfigDefaults:
                    return "ConfigDefaultsFailed";
                case SetupUnsupportedProtocol:
                    return "UnsupportedProtocolVersion";
                case SetupPrivateKeyParse:
                    return "PrivateKeyParseFailed";
                case SetupCertificateParse:
                    return "CertificateParseFailed";
                case SetupOwnCertificate:
                    return "OwnCertConfigFailed";
                case SetupFailed:
                    return "SetupFailed";
                default:
                    return string.Empty;
            }
        }

        // The firmware passes no CRL to mbedTLS, so REVOKED (0x02) never appears among real verify flags: a code with
        // that bit (3, 6, 7) can only be a setup error. The others are told apart by what each reading needs.
        private static WwepTransportException FromPositiveCryptographicCode(string exceptionType, int code, bool clientCertificateSent, WwepSettings settings, int port, int deviceId, DateTime clockUtc, TrustedCas trust)
        {
            string setupName = SetupErrorName(code);
            if (setupName.Length == 0)
            {
                return FromVerifyFlags(exceptionType, code, clientCertificateSent, settings, port, deviceId, clockUtc, trust);
            }

            string asFlags = "verify flags " + TlsDiagnosis.FlagNames(code);
            string evidence = exceptionType + " " + code.ToString() + ": SslError " + setupName + " or " + asFlags;
            switch (code)
            {
                case SetupDrbgSeed:
                    return Build(TransportFailure.TlsSetup, TlsFailureCause.SetupFailed, exceptionType + " " + code.ToString() + ": SslError " + setupName, settings, port, deviceId, clockUtc, clientCertificateSent, string.Empty);
                case SetupPrivateKeyParse:
                case SetupCertificateParse:
                    return Build(TransportFailure.TlsSetup, TlsFailureCause.BadEmbeddedCredential, exceptionType + " " + code.ToString() + ": SslError " + setupName, settings, port, deviceId, clockUtc, clientCertificateSent, string.Empty);
                case SetupOwnCertificate:
                    if (!clientCertificateSent)
                    {
                        // mbedtls_ssl_conf_own_cert runs only with a client certificate: without one, 8 is NOT_TRUSTED.
                        return FromVerifyFlags(exceptionType, code, clientCertificateSent, settings, port, deviceId, clockUtc, trust);
                    }

                    return Build(TransportFailure.TlsHandshake, TlsFailureCause.UnknownCa, evidence, settings, port, deviceId, clockUtc, clientCertificateSent, "; or, read as SslError OwnCertConfigFailed, the embedded device certificate and key do not belong together (dotnet run --project certs/tool -- check)", trust);
                case SetupFailed:
                    // The likeliest reading on a board without PSRAM, and the one a retry can fix.
                    return Build(TransportFailure.TlsSetup, TlsFailureCause.SetupFailed, evidence, settings, port, deviceId, clockUtc, clientCertificateSent, "; if it persists with free heap, read it as EXPIRED|NOT_TRUSTED: a server certificate from none of the CAs this board trusts whose dates are also wrong (dotnet run --project certs/tool -- check)", trust);
                default:
                    // 4 and 5: the setup readings need a broken build (bad defaults, a protocol mask we never pass).
                    return Build(TransportFailure.TlsHandshake, TlsDiagnosis.FromVerifyFlags(code), evidence, settings, port, deviceId, clockUtc, clientCertificateSent, "; read as SslError " + setupName + " it is a firmware fault: update it (nf-build/flash)", trust);
            }
        }

        // Measured on the older native (nf-interpreter 3367392a, mbedTLS 3.6.5): a foreign CA, a wrong name and an expired
        // certificate all end as -0x2700 with no flags, so one line has to carry what would tell them apart.
        private static WwepTransportException VerifyFailedWithoutFlags(string exceptionType, WwepSettings settings, int port, DateTime clockUtc, TrustedCas trust)
        {
            string evidence = TlsDiagnosis.CodeEvidence(exceptionType, TlsDiagnosis.ErrorVerifyFailed) + ", no verify flags";
            return new WwepTransportException(TransportFailure.TlsHandshake, TlsFailureCause.VerifyFailed, TlsDiagnosis.Line(settings.ServerHost, port, evidence, TlsDiagnosis.ExplainVerifyFailed(settings.EffectiveTlsHostName, clockUtc, trust)));
        }

        private static WwepTransportException Build(TransportFailure failure, TlsFailureCause cause, string evidence, WwepSettings settings, int port, int deviceId, DateTime clockUtc, bool clientCertificateSent, string otherReading)
        {
            return Build(failure, cause, evidence, settings, port, deviceId, clockUtc, clientCertificateSent, otherReading, null);
        }

        // An unknown CA names every CA the board trusts (the stored bundle counts as much as the embedded CA).
        private static WwepTransportException Build(TransportFailure failure, TlsFailureCause cause, string evidence, WwepSettings settings, int port, int deviceId, DateTime clockUtc, bool clientCertificateSent, string otherReading, TrustedCas trust)
        {
            string explanation = (cause == TlsFailureCause.UnknownCa
                ? TlsDiagnosis.ExplainUnknownCa(trust)
                : TlsDiagnosis.Explain(cause, settings.EffectiveTlsHostName, deviceId, clockUtc, clientCertificateSent)) + otherReading;
            return new WwepTransportException(failure, cause, TlsDiagnosis.Line(settings.ServerHost, port, evidence, explanation));
        }
    }
}
