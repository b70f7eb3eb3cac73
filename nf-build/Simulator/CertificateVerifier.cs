using System;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Tls;

namespace WwepSimulator
{
    /// <summary>
    /// Checks the server certificate the way the board's mbedTLS does, and reports the result as the same
    /// MBEDTLS_X509_BADCERT_* flags: only the project CA is trusted (not this PC's store), dates are judged against
    /// the simulated device clock (not this PC's), and SHA-1/MD5 signatures or short RSA keys are refused.
    /// </summary>
    public sealed class CertificateVerifier
    {
        // Signature algorithms the firmware's mbedTLS profile refuses.
        private const string Sha1WithRsa = "1.2.840.113549.1.1.5";
        private const string Md5WithRsa = "1.2.840.113549.1.1.4";
        private const string EcdsaWithSha1 = "1.2.840.10045.4.1";

        private readonly X509Certificate2 _trustedCa;
        private readonly IClock _clock;

        /// <summary>Creates the verifier.</summary>
        /// <param name="trustedCa">The one CA the device trusts.</param>
        /// <param name="clock">The device clock.</param>
        public CertificateVerifier(X509Certificate2 trustedCa, IClock clock)
        {
            _trustedCa = trustedCa;
            _clock = clock;
        }

        /// <summary>The verification flags for a presented server certificate; 0 when it is acceptable.</summary>
        /// <param name="presented">The server's certificate, null when it sent none.</param>
        /// <param name="presentedChain">The chain .NET built, whose extra certificates the server sent; may be null.</param>
        /// <param name="errors">.NET's findings; only the name check is taken from them.</param>
        /// <returns>The MBEDTLS_X509_BADCERT_* bitmask.</returns>
        public int Check(X509Certificate? presented, X509Chain? presentedChain, SslPolicyErrors errors)
        {
            if (presented == null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                return TlsDiagnosis.FlagMissing;
            }

            int flags = 0;

            // .NET has already compared the certificate's names with the target host, as mbedTLS does.
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                flags |= TlsDiagnosis.FlagNameMismatch;
            }

            X509Certificate2 leaf = presented as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
            DateTime now = _clock.UtcNow;
            using X509Chain chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(_trustedCa);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = now;
            chain.ChainPolicy.VerificationTimeIgnored = false;
            if (presentedChain != null)
            {
                foreach (X509ChainElement element in presentedChain.ChainElements)
                {
                    if (!element.Certificate.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))
                    {
                        chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                    }
                }
            }

            chain.Build(leaf);
            for (int i = 0; i < chain.ChainElements.Count; i++)
            {
                X509ChainElement element = chain.ChainElements[i];
                bool isTrustAnchor = element.Certificate.RawDataMemory.Span.SequenceEqual(_trustedCa.RawDataMemory.Span);
                flags |= StatusFlags(element.ChainElementStatus);
                flags |= DateFlags(element.Certificate, now);
                if (!isTrustAnchor)
                {
                    // A trusted root's own signature is never checked, by mbedTLS either; the others' must be strong.
                    flags |= AlgorithmFlags(element.Certificate);
                }
            }

            return flags;
        }

        private static int StatusFlags(X509ChainStatus[] statuses)
        {
            int flags = 0;
            foreach (X509ChainStatus status in statuses)
            {
                switch (status.Status)
                {
                    case X509ChainStatusFlags.NoError:
                    case X509ChainStatusFlags.NotTimeValid:
                    case X509ChainStatusFlags.NotTimeNested:
                        // Dates are judged by DateFlags, which tells expired from not yet valid.
                        break;
                    case X509ChainStatusFlags.UntrustedRoot:
                    case X509ChainStatusFlags.PartialChain:
                    case X509ChainStatusFlags.NotSignatureValid:
                    case X509ChainStatusFlags.ExplicitDistrust:
                        flags |= TlsDiagnosis.FlagNotTrusted;
                        break;
                    case X509ChainStatusFlags.Revoked:
                        flags |= TlsDiagnosis.FlagRevoked;
                        break;
                    case X509ChainStatusFlags.NotValidForUsage:
                        flags |= TlsDiagnosis.FlagExtKeyUsage;
                        break;
                    default:
                        flags |= TlsDiagnosis.FlagOther;
                        break;
                }
            }

            return flags;
        }

        private static int DateFlags(X509Certificate2 certificate, DateTime nowUtc)
        {
            if (nowUtc < certificate.NotBefore.ToUniversalTime())
            {
                return TlsDiagnosis.FlagFuture;
            }

            return nowUtc > certificate.NotAfter.ToUniversalTime() ? TlsDiagnosis.FlagExpired : 0;
        }

        private static int AlgorithmFlags(X509Certificate2 certificate)
        {
            int flags = 0;
            string? signature = certificate.SignatureAlgorithm.Value;
            if (signature == Sha1WithRsa || signature == Md5WithRsa || signature == EcdsaWithSha1)
            {
                flags |= TlsDiagnosis.FlagBadHash;
            }

            using (ECDsa? ec = certificate.GetECDsaPublicKey())
            {
                // The board's mbedTLS default profile takes P-256, P-384 and P-521 (library/x509_crt.c).
                if (ec != null && ec.KeySize > 521)
                {
                    flags |= TlsDiagnosis.FlagBadKey;
                }
            }

            using (RSA? rsa = certificate.GetRSAPublicKey())
            {
                if (rsa != null && rsa.KeySize < 2048)
                {
                    flags |= TlsDiagnosis.FlagBadKey;
                }
            }

            return flags;
        }
    }
}
