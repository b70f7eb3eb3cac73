using System;
using WwepDevice.Core.Protocol;

namespace WwepDevice.Core.Tls
{
    /// <summary>
    /// Turns what mbedTLS reports (through nanoFramework's <c>CryptographicException.ErrorCode</c>, or through
    /// .NET's certificate validation in the simulator) into one line that names the cause and the fix.
    /// </summary>
    public static class TlsDiagnosis
    {
        /// <summary>MBEDTLS_X509_BADCERT_EXPIRED.</summary>
        public const int FlagExpired = 0x01;

        /// <summary>MBEDTLS_X509_BADCERT_REVOKED.</summary>
        public const int FlagRevoked = 0x02;

        /// <summary>MBEDTLS_X509_BADCERT_CN_MISMATCH.</summary>
        public const int FlagNameMismatch = 0x04;

        /// <summary>MBEDTLS_X509_BADCERT_NOT_TRUSTED.</summary>
        public const int FlagNotTrusted = 0x08;

        /// <summary>MBEDTLS_X509_BADCERT_MISSING.</summary>
        public const int FlagMissing = 0x40;

        /// <summary>MBEDTLS_X509_BADCERT_OTHER.</summary>
        public const int FlagOther = 0x0100;

        /// <summary>MBEDTLS_X509_BADCERT_FUTURE.</summary>
        public const int FlagFuture = 0x0200;

        /// <summary>MBEDTLS_X509_BADCERT_KEY_USAGE.</summary>
        public const int FlagKeyUsage = 0x0800;

        /// <summary>MBEDTLS_X509_BADCERT_EXT_KEY_USAGE.</summary>
        public const int FlagExtKeyUsage = 0x1000;

        /// <summary>MBEDTLS_X509_BADCERT_BAD_MD (for example a SHA-1 signature).</summary>
        public const int FlagBadHash = 0x4000;

        /// <summary>MBEDTLS_X509_BADCERT_BAD_PK.</summary>
        public const int FlagBadKeyType = 0x8000;

        /// <summary>MBEDTLS_X509_BADCERT_BAD_KEY (for example P-521 or RSA under 2048 bits).</summary>
        public const int FlagBadKey = 0x010000;

        /// <summary>MBEDTLS_ERR_X509_CERT_VERIFY_FAILED.</summary>
        public const int ErrorVerifyFailed = -0x2700;

        /// <summary>MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE: the server sent a fatal alert.</summary>
        public const int ErrorFatalAlert = -0x7780;

        /// <summary>MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY.</summary>
        public const int ErrorPeerCloseNotify = -0x7880;

        /// <summary>MBEDTLS_ERR_SSL_CONN_EOF.</summary>
        public const int ErrorConnectionEof = -0x7280;

        /// <summary>MBEDTLS_ERR_NET_CONN_RESET.</summary>
        public const int ErrorConnectionReset = -0x0050;

        /// <summary>MBEDTLS_ERR_NET_RECV_FAILED.</summary>
        public const int ErrorReceiveFailed = -0x004C;

        /// <summary>MBEDTLS_ERR_NET_SEND_FAILED.</summary>
        public const int ErrorSendFailed = -0x004E;

        /// <summary>MBEDTLS_ERR_SSL_HANDSHAKE_FAILURE.</summary>
        public const int ErrorHandshakeFailure = -0x6E00;

        /// <summary>MBEDTLS_ERR_SSL_BAD_PROTOCOL_VERSION.</summary>
        public const int ErrorBadProtocolVersion = -0x6E80;

        /// <summary>MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE.</summary>
        public const int ErrorNoClientCertificate = -0x7480;

        /// <summary>MBEDTLS_ERR_SSL_ALLOC_FAILED.</summary>
        public const int ErrorAllocFailed = -0x7F00;

        /// <summary>MBEDTLS_ERR_X509_ALLOC_FAILED: no heap while parsing a certificate of the handshake.</summary>
        public const int ErrorX509AllocFailed = -0x2880;

        /// <summary>MBEDTLS_ERR_MPI_ALLOC_FAILED: no heap for a big number of the key exchange.</summary>
        public const int ErrorMpiAllocFailed = -0x0010;

        /// <summary>MBEDTLS_ERR_ECP_ALLOC_FAILED: no heap for an elliptic-curve operation.</summary>
        public const int ErrorEcpAllocFailed = -0x4D80;

        /// <summary>MBEDTLS_ERR_PK_ALLOC_FAILED: no heap for a public key.</summary>
        public const int ErrorPkAllocFailed = -0x3F80;

        /// <summary>MBEDTLS_ERR_SSL_TIMEOUT.</summary>
        public const int ErrorTimeout = -0x6800;

        /// <summary>
        /// The cause behind mbedTLS certificate verification flags. When several flags are set, the one a person
        /// must fix first wins: a certificate from an unknown CA is wrong whatever its dates say.
        /// </summary>
        /// <param name="flags">The MBEDTLS_X509_BADCERT_* bitmask.</param>
        /// <returns>The cause.</returns>
        public static TlsFailureCause FromVerifyFlags(int flags)
        {
            if ((flags & (FlagBadHash | FlagBadKeyType | FlagBadKey)) != 0)
            {
                return TlsFailureCause.UnacceptableAlgorithm;
            }

            if ((flags & (FlagNotTrusted | FlagMissing)) != 0)
            {
                return TlsFailureCause.UnknownCa;
            }

            if ((flags & FlagNameMismatch) != 0)
            {
                return TlsFailureCause.NameMismatch;
            }

            if ((flags & FlagFuture) != 0)
            {
                return TlsFailureCause.CertificateNotYetValid;
            }

            if ((flags & FlagExpired) != 0)
            {
                return TlsFailureCause.CertificateExpired;
            }

            return TlsFailureCause.VerifyFailed;
        }

        /// <summary>The cause behind a negative mbedTLS error code from the handshake.</summary>
        /// <param name="code">The code, for example -0x7780.</param>
        /// <returns>The cause.</returns>
        public static TlsFailureCause FromErrorCode(int code)
        {
            switch (code)
            {
                case ErrorVerifyFailed:
                    return TlsFailureCause.VerifyFailed;

                // -0x7780 says only that the server sent a fatal alert, whichever it was (mbedTLS keeps the alert
                // number to itself): a refused client certificate, no common version or cipher, an unknown name.
                case ErrorFatalAlert:
                    return TlsFailureCause.FatalAlert;

                // The server asked for a certificate and this device has none to give.
                case ErrorNoClientCertificate:
                    return TlsFailureCause.ClientCertificateRefused;
                case ErrorPeerCloseNotify:
                case ErrorConnectionEof:
                case ErrorConnectionReset:
                case ErrorReceiveFailed:
                case ErrorSendFailed:
                case ErrorTimeout:
                    return TlsFailureCause.HandshakeReset;
                case ErrorHandshakeFailure:
                case ErrorBadProtocolVersion:
                    return TlsFailureCause.NoCommonProtocol;
                // Out of memory inside the handshake comes from whichever mbedTLS module failed to allocate, not only
                // from the SSL layer; on a board without PSRAM it is the most common handshake failure.
                case ErrorAllocFailed:
                case ErrorX509AllocFailed:
                case ErrorMpiAllocFailed:
                case ErrorEcpAllocFailed:
                case ErrorPkAllocFailed:
                    return TlsFailureCause.OutOfMemory;
                default:
                    return TlsFailureCause.Unknown;
            }
        }

        /// <summary>The names of the set verification flags, for the log line.</summary>
        /// <param name="flags">The MBEDTLS_X509_BADCERT_* bitmask.</param>
        /// <returns>For example <c>NOT_TRUSTED|CN_MISMATCH</c>.</returns>
        public static string FlagNames(int flags)
        {
            string names = string.Empty;
            names = AddName(names, flags, FlagExpired, "EXPIRED");
            names = AddName(names, flags, FlagRevoked, "REVOKED");
            names = AddName(names, flags, FlagNameMismatch, "CN_MISMATCH");
            names = AddName(names, flags, FlagNotTrusted, "NOT_TRUSTED");
            names = AddName(names, flags, FlagMissing, "MISSING");
            names = AddName(names, flags, FlagOther, "OTHER");
            names = AddName(names, flags, FlagFuture, "FUTURE");
            names = AddName(names, flags, FlagKeyUsage, "KEY_USAGE");
            names = AddName(names, flags, FlagExtKeyUsage, "EXT_KEY_USAGE");
            names = AddName(names, flags, FlagBadHash, "BAD_MD");
            names = AddName(names, flags, FlagBadKeyType, "BAD_PK");
            names = AddName(names, flags, FlagBadKey, "BAD_KEY");
            return names.Length == 0 ? "none" : names;
        }

        /// <summary>An mbedTLS error code as mbedTLS documents it.</summary>
        /// <param name="code">For example -30592.</param>
        /// <returns>For example <c>-0x7780</c>.</returns>
        public static string FormatCode(int code)
        {
            if (code < 0)
            {
                return "-0x" + HexAscii.Format(-code, 4);
            }

            // Verify flags go past 0xFFFF (BAD_KEY is 0x010000): four digits would show those as 0x0000.
            return "0x" + HexAscii.Format(code, code > 0xFFFF ? 6 : 4);
        }

        /// <summary>
        /// What the cause means and what to do about it, as the second half of a log line.
        /// </summary>
        /// <param name="cause">The cause.</param>
        /// <param name="hostName">The name the device verifies.</param>
        /// <param name="deviceId">This device's ID, for mutual TLS advice.</param>
        /// <param name="clockUtc">The device clock, for date problems.</param>
        /// <returns>A sentence naming the cause and the fix.</returns>
        public static string Explain(TlsFailureCause cause, string hostName, int deviceId, DateTime clockUtc)
        {
            return Explain(cause, hostName, deviceId, clockUtc, false);
        }

        /// <summary>
        /// What the cause means and what to do about it, as the second half of a log line; the likely causes of a
        /// fatal alert depend on whether the device offered a client certificate.
        /// </summary>
        /// <param name="cause">The cause.</param>
        /// <param name="hostName">The name the device verifies.</param>
        /// <param name="deviceId">This device's ID, for mutual TLS advice.</param>
        /// <param name="clockUtc">The device clock, for date problems.</param>
        /// <param name="clientCertificateSent">True when the handshake offered the embedded device certificate.</param>
        /// <returns>A sentence naming the cause and the fix.</returns>
        public static string Explain(TlsFailureCause cause, string hostName, int deviceId, DateTime clockUtc, bool clientCertificateSent)
        {
            string id = DeviceIdentity.ToHex(deviceId);
            switch (cause)
            {
                case TlsFailureCause.ClockNotSet:
                    return "clock not set: the device clock says " + FormatDate(clockUtc) + ", so certificate dates cannot be checked; waiting for SNTP (internet, or the WWEP server's host: WwepServer --sntp-port with TimeFromServer on)";
                case TlsFailureCause.UnknownCa:
                    return "unknown CA: the server certificate is not signed by the CA embedded in the firmware; embed the CA that issued it (dotnet run --project certs/tool -- embed), rebuild and deploy, or point the device at the right server";
                case TlsFailureCause.NameMismatch:
                    return "name mismatch: the server certificate does not name '" + hostName + "'; reissue it with that name (dotnet run --project certs/tool -- server --name " + hostName + ") or set TlsHostName to a name it carries";
                case TlsFailureCause.CertificateExpired:
                    return "certificate expired: the server certificate ended before the device clock (" + FormatDate(clockUtc) + "); reissue it (dotnet run --project certs/tool -- server) or correct the clock";
                case TlsFailureCause.CertificateNotYetValid:
                    return "certificate not yet valid: it starts after the device clock (" + FormatDate(clockUtc) + "); the clock is behind or the certificate was issued for the future";
                case TlsFailureCause.UnacceptableAlgorithm:
                    return "unacceptable algorithm: the certificate uses a hash or key mbedTLS's default profile refuses (SHA-1, MD5, RSA under 2048 bits, a curve the firmware lacks); reissue it with ECDSA P-256 and SHA-256 (dotnet run --project certs/tool -- check lists the problem)";
                case TlsFailureCause.VerifyFailed:
                    return ExplainVerifyFailed(hostName, clockUtc, null);
                case TlsFailureCause.ClientCertificateRefused:
                    return "client certificate refused or missing: the server requires mutual TLS; set UseClientCertificate and embed a device certificate with CN=" + id + " from the project CA (dotnet run --project certs/tool -- device --id " + id + ", then -- embed --device)";
                case TlsFailureCause.HandshakeReset:
                    return "handshake reset: the server closed the connection during the TLS handshake; check that the port is the TLS one (40508) and whether the server requires a client certificate";
                case TlsFailureCause.NoCommonProtocol:
                    return "no common protocol: the server offers no TLS 1.2/1.3 version or cipher suite this firmware speaks";
                case TlsFailureCause.OutOfMemory:
                    return "out of memory: TLS needs about 33 KB of contiguous heap; close other connections or use a board with PSRAM";
                case TlsFailureCause.FatalAlert:
                    // mbedTLS keeps the alert to itself, so no cause is "most likely": name them all, the one that
                    // fits what this device sent first.
                    return clientCertificateSent
                        ? "the server ended the handshake with a fatal alert and mbedTLS does not say which; it is one of: a refusal of this device's certificate (not issued by the CA the server trusts, or its CN is not " + id + "), no TLS version or cipher in common (this firmware speaks TLS 1.2 and 1.3 only), or a server that does not serve the name '" + hostName + "'; the server's log names the alert"
                        : "the server ended the handshake with a fatal alert and mbedTLS does not say which; it is one of: a server that requires a client certificate (mutual TLS: dotnet run --project certs/tool -- device --id " + id + ", then -- embed --device, and set UseClientCertificate), no TLS version or cipher in common (this firmware speaks TLS 1.2 and 1.3 only; a TLS 1.0/1.1 server ends this way), or a server that does not serve the name '" + hostName + "'; the server's log names the alert";
                case TlsFailureCause.SetupFailed:
                    return "TLS setup failed before the handshake: most likely no contiguous heap for the 33 KB of TLS buffers; retried, and a board with PSRAM avoids it";
                case TlsFailureCause.SetupFailedWithoutReason:
                    return "TLS setup failed before the handshake and this firmware gives no reason; in order of likelihood: no contiguous heap for the 33 KB of TLS buffers (a board without PSRAM), then an embedded CA, device certificate or key mbedTLS cannot use (dotnet run --project certs/tool -- embed, rebuild and deploy); retried once";
                case TlsFailureCause.SessionEndedAfterHandshake:
                    return "the server ended the TLS session right after the handshake, before any reply: a server that requires a client certificate does this under TLS 1.3, and so does one that was restarting; retried, and if it happens again the device takes it as a refused client certificate";
                case TlsFailureCause.BadEmbeddedCredential:
                    return "embedded certificate or key unusable: PEM resources must end with a NUL byte (or be DER); regenerate them with dotnet run --project certs/tool -- embed";
                default:
                    return "unrecognized TLS failure; look the code up in mbedTLS's error list";
            }
        }

        /// <summary>
        /// What to say when the platform reports a handshake failure without any code (an exception that is neither a
        /// CryptographicException nor a SocketException).
        /// </summary>
        /// <returns>A sentence naming the next step.</returns>
        public static string ExplainWithoutCode()
        {
            return "the firmware gave no mbedTLS code for this failure; check for the usual causes with dotnet run --project certs/tool -- check: wrong CA, name, dates";
        }

        /// <summary>
        /// What to say when verification failed and the firmware gave no flags (mbedTLS -0x2700 alone, as firmware
        /// before nf-interpreter #3460 reports a foreign CA, a wrong name and expired dates alike): everything the
        /// board knows, and the one command that tells the three apart.
        /// </summary>
        /// <param name="hostName">The name the device verified.</param>
        /// <param name="clockUtc">The device clock during the handshake.</param>
        /// <param name="ca">The embedded CA as the board parsed it; null when unknown.</param>
        /// <returns>A sentence naming the three possible causes, the board's facts and the command.</returns>
        public static string ExplainVerifyFailed(string hostName, DateTime clockUtc, EmbeddedCa ca)
        {
            string trusted = ca == null ? "the CA embedded in the firmware" : ca.Describe();
            return "the server certificate did not verify and this firmware does not say why: it is not from " + trusted + ", or it does not name '" + hostName + "', or its dates do not cover the device clock (" + FormatIsoTime(clockUtc) + "); to tell which, run dotnet run --project certs/tool -- check --server-cert <the server's certificate> --host " + hostName + " --at " + FormatIsoTime(clockUtc);
        }

        /// <summary>
        /// The whole line for a failed handshake: where, the raw evidence in brackets, then the cause and fix.
        /// </summary>
        /// <param name="host">Host the device connected to.</param>
        /// <param name="port">Port.</param>
        /// <param name="evidence">The raw report, for example <c>CryptographicException, verify flags 0x0008 NOT_TRUSTED</c>.</param>
        /// <param name="explanation">From <c>Explain</c>.</param>
        /// <returns>One line.</returns>
        public static string Line(string host, int port, string evidence, string explanation)
        {
            return "TLS handshake with " + host + ":" + port.ToString() + " failed [" + evidence + "]: " + explanation;
        }

        /// <summary>Evidence text for verification flags.</summary>
        /// <param name="exceptionType">The exception's type name.</param>
        /// <param name="flags">The MBEDTLS_X509_BADCERT_* bitmask.</param>
        /// <returns>For example <c>CryptographicException, verify flags 0x0008 NOT_TRUSTED</c>.</returns>
        public static string FlagsEvidence(string exceptionType, int flags)
        {
            return exceptionType + ", verify flags " + FormatCode(flags) + " " + FlagNames(flags);
        }

        /// <summary>Evidence text for a negative mbedTLS code.</summary>
        /// <param name="exceptionType">The exception's type name.</param>
        /// <param name="code">The mbedTLS error code.</param>
        /// <returns>For example <c>CryptographicException, mbedTLS -0x7780</c>.</returns>
        public static string CodeEvidence(string exceptionType, int code)
        {
            return exceptionType + ", mbedTLS " + FormatCode(code);
        }

        /// <summary>The date part of a clock reading, ISO style.</summary>
        /// <param name="utc">The time.</param>
        /// <returns>For example <c>1970-01-01</c>.</returns>
        public static string FormatDate(DateTime utc)
        {
            return utc.Year.ToString() + "-" + Pad2(utc.Month) + "-" + Pad2(utc.Day);
        }

        /// <summary>A time as <c>certs check --at</c> takes it.</summary>
        /// <param name="utc">The time.</param>
        /// <returns>For example <c>2026-12-01T09:30:05Z</c>.</returns>
        public static string FormatIsoTime(DateTime utc)
        {
            return FormatDate(utc) + "T" + Pad2(utc.Hour) + ":" + Pad2(utc.Minute) + ":" + Pad2(utc.Second) + "Z";
        }

        private static string Pad2(int value)
        {
            return value < 10 ? "0" + value.ToString() : value.ToString();
        }

        private static string AddName(string names, int flags, int flag, string name)
        {
            if ((flags & flag) == 0)
            {
                return names;
            }

            return names.Length == 0 ? name : names + "|" + name;
        }
    }
}
