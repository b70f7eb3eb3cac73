using System;
using System.Security.Cryptography;

namespace WwepServer
{
    /// <summary>
    /// OpenSSL's reason for a failed handshake, as .NET 10 on Linux passes it on (read in dotnet/runtime,
    /// src/libraries/Common/src/Interop/Unix/System.Security.Cryptography.Native/Interop.OpenSsl.cs and Interop.ERR.cs):
    /// the <c>AuthenticationException</c> holds an <c>Interop.OpenSsl.SslException</c> ("SSL Handshake failed with
    /// OpenSSL error - SSL_ERROR_SSL"), which holds a <see cref="CryptographicException"/> whose message is OpenSSL's
    /// error string (<c>error:0A000418:SSL routines::tlsv1 alert unknown ca</c>) and whose HResult is the packed error
    /// code. An alert the client sent has the reason 1000 + the alert's number (OpenSSL's SSL_AD_REASON_OFFSET).
    /// </summary>
    public sealed class OpenSslReason
    {
        // SSL_AD_REASON_OFFSET in OpenSSL's ssl.h: reason codes 1000..1255 are received alerts.
        private const int AlertReasonOffset = 1000;

        private OpenSslReason(string text, int alert)
        {
            Text = text;
            Alert = alert;
        }

        /// <summary>OpenSSL's reason string, for example <c>tlsv1 alert unknown ca</c>.</summary>
        public string Text { get; }

        /// <summary>The number of the alert the client sent (RFC 8446 6), or -1 when the reason is no received alert.</summary>
        public int Alert { get; }

        /// <summary>Finds OpenSSL's reason among the exception's inner exceptions.</summary>
        /// <param name="failure">What the handshake threw.</param>
        /// <returns>The reason, or null when OpenSSL gave none (a closed connection, a refused certificate...).</returns>
        public static OpenSslReason? Find(Exception failure)
        {
            for (Exception? e = failure; e != null; e = e.InnerException)
            {
                // error:<8 hex digits>:<library>:<function>:<reason>; the function is empty on OpenSSL 3.
                if (e is CryptographicException && e.Message.StartsWith("error:", StringComparison.Ordinal))
                {
                    int last = e.Message.LastIndexOf(':');
                    string text = e.Message.Substring(last + 1).Trim();

                    // The reason is the low 12 bits on OpenSSL 1.1 and the low 23 on 3.x; alerts fit either way.
                    int reason = e.HResult & 0xFFF;
                    bool ssl = e.Message.Contains("SSL routines", StringComparison.Ordinal);
                    int alert = ssl && reason >= AlertReasonOffset && reason < AlertReasonOffset + 256 ? reason - AlertReasonOffset : -1;
                    return new OpenSslReason(text, alert);
                }
            }

            return null;
        }

        /// <summary>The cause this reason stands for.</summary>
        /// <returns>The cause.</returns>
        public FailureCause Cause()
        {
            if (Alert >= 0)
            {
                return Alert switch
                {
                    48 => FailureCause.UntrustedServer,            // unknown_ca
                    42 => FailureCause.ServerNameRefused,          // bad_certificate: mbedTLS sends it for a name mismatch
                    45 => FailureCause.ServerCertificateExpired,   // certificate_expired
                    44 or 46 or 49 => FailureCause.ServerCertificateRefused, // revoked, certificate_unknown (mbedTLS: not yet valid too), access_denied
                    43 => FailureCause.ServerCertificateUnusable,  // unsupported_certificate
                    70 or 86 => FailureCause.TlsVersion,           // protocol_version, inappropriate_fallback
                    40 or 71 => FailureCause.NoCommonCipher,       // handshake_failure, insufficient_security
                    10 or 20 or 22 or 47 or 50 or 51 or 109 or 110 => FailureCause.CorruptHandshake,
                    _ => FailureCause.ClientAlert,
                };
            }

            return Text switch
            {
                "unsupported protocol" or "version too low" or "wrong ssl version" or "inappropriate fallback" => FailureCause.TlsVersion,
                "no shared cipher" or "no shared signature algorithms" or "no suitable signature algorithm" or "no suitable key share"
                    or "no shared groups" or "no suitable digest" => FailureCause.NoCommonCipher,
                "wrong version number" or "http request" or "https proxy request" or "packet length too long" or "unknown protocol"
                    or "record length mismatch" => FailureCause.NotTls,
                "unexpected eof while reading" => FailureCause.VanishedMidHandshake,
                "unexpected message" or "decryption failed or bad record mac" or "bad signature" or "bad key share" or "length mismatch"
                    or "bad packet length" or "bad extension" or "parse tlsext" or "missing sigalgs extension" or "bad record type"
                    or "record layer failure" or "digest check failed" or "bad change cipher spec" or "excessive message size"
                    or "bad handshake length" or "bad length" or "block cipher pad is wrong" => FailureCause.CorruptHandshake,
                _ => FailureCause.TlsOther,
            };
        }

        /// <summary>The evidence in words: the client's alert by its RFC name, or OpenSSL's reason.</summary>
        /// <returns>For example <c>the client's alert: unknown CA (48)</c>.</returns>
        public string Describe()
        {
            return Alert >= 0 ? "the client's alert: " + AlertName(Alert) + " (" + Alert + ")" : "OpenSSL: " + Text;
        }

        private static string AlertName(int alert)
        {
            return alert switch
            {
                10 => "unexpected message",
                20 => "bad record MAC",
                22 => "record overflow",
                40 => "handshake failure",
                42 => "bad certificate",
                43 => "unsupported certificate",
                44 => "certificate revoked",
                45 => "certificate expired",
                46 => "certificate unknown",
                47 => "illegal parameter",
                48 => "unknown CA",
                49 => "access denied",
                50 => "decode error",
                51 => "decrypt error",
                70 => "protocol version",
                71 => "insufficient security",
                80 => "internal error",
                86 => "inappropriate fallback",
                90 => "user canceled",
                109 => "missing extension",
                110 => "unsupported extension",
                112 => "unrecognized name",
                113 => "bad certificate status response",
                115 => "unknown PSK identity",
                116 => "certificate required",
                120 => "no application protocol",
                _ => "alert",
            };
        }
    }
}
