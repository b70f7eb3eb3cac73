using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using WwepDevice.Core.Protocol;

namespace WwepCerts
{
    /// <summary>
    /// The check verb: looks at the CA, the server and device certificates and keys, and the firmware's embedded
    /// copies, and reports every problem in one line that says what is wrong and what to run to fix it.
    /// The rules follow what the ESP32's mbedTLS does in a handshake (its default certificate profile: SHA-256 or
    /// better, RSA 2048 or more, the curves the firmware was built with).
    /// </summary>
    public sealed class PkiChecker
    {
        /// <summary>How the messages name the tool.</summary>
        public const string Tool = "dotnet run --project certs/tool --";

        // RFC 5639 brainpool curves: 1.3.36.3.3.2.8.1.1.x.
        private const string BrainpoolOidPrefix = "1.3.36.3.3.2.8.1.1.";

        private readonly CheckOptions _options;
        private readonly List<Finding> _findings = new();

        // The CA certificate the firmware embeds, as CheckEmbedded read it; null when skipped or unreadable.
        private byte[]? _embeddedCa;
        private string? _embeddedCaPath;

        private PkiChecker(CheckOptions options)
        {
            _options = options;
        }

        /// <summary>Runs every check.</summary>
        /// <param name="options">What to check.</param>
        /// <returns>The findings, in report order.</returns>
        public static IReadOnlyList<Finding> Run(CheckOptions options)
        {
            PkiChecker checker = new(options);
            checker.CheckAll();
            return checker._findings;
        }

        private void CheckAll()
        {
            using X509Certificate2? ca = Load(_options.CaCertificate, CertRole.Ca);
            if (ca != null)
            {
                CheckCaConstraints(ca);
                CheckValidity(ca, CertRole.Ca, _options.CaCertificate);
                CheckAlgorithms(ca, CertRole.Ca, _options.CaCertificate);
                if (File.Exists(_options.CaKey))
                {
                    CheckKey(_options.CaKey, ca, CertRole.Ca, _options.CaCertificate);
                }
                else
                {
                    Add(FindingLevel.Warning, CheckRule.KeyMatch, _options.CaKey, "not found: check works without it, but server and device cannot issue certificates; restore it from git (or init --force makes a new CA)");
                }

                CheckDerCopy(_options.CaCertificateDer, ca, CertRole.Ca, _options.CaCertificate);
            }

            using X509Certificate2? server = Load(_options.ServerCertificate, CertRole.Server);
            if (server != null)
            {
                CheckChain(server, ca, CertRole.Server, _options.ServerCertificate);
                CheckValidity(server, CertRole.Server, _options.ServerCertificate);
                CheckAlgorithms(server, CertRole.Server, _options.ServerCertificate);
                CheckUsage(server, CertRole.Server, _options.ServerCertificate);
                CheckHostName(server);
                CheckKey(_options.ServerKey, server, CertRole.Server, _options.ServerCertificate);
                CheckDerCopy(_options.ServerCertificateDer, server, CertRole.Server, _options.ServerCertificate);
            }

            using X509Certificate2? device = LoadDevice();
            if (device != null)
            {
                CheckChain(device, ca, CertRole.Device, _options.DeviceCertificate);
                CheckValidity(device, CertRole.Device, _options.DeviceCertificate);
                CheckAlgorithms(device, CertRole.Device, _options.DeviceCertificate);
                CheckUsage(device, CertRole.Device, _options.DeviceCertificate);
                CheckDeviceId(device);
                CheckKey(_options.DeviceKey, device, CertRole.Device, _options.DeviceCertificate);
                CheckDerCopy(_options.DeviceCertificateDer, device, CertRole.Device, _options.DeviceCertificate);
                if (_options.DeviceKeyDer != null && File.Exists(_options.DeviceKeyDer))
                {
                    CheckKey(_options.DeviceKeyDer, device, CertRole.Device, _options.DeviceCertificate);
                }
            }

            if (_options.Firmware != null)
            {
                CheckEmbedded(_options.Firmware, ca, device);
            }

            if (_options.BoardCa != null)
            {
                CheckBoardCa(_options.BoardCa, ca);
            }
        }

        private X509Certificate2? Load(string path, CertRole role)
        {
            if (!File.Exists(path))
            {
                Add(FindingLevel.Error, CheckRule.Readable, path, "not found: " + (role == CertRole.Ca ? "make the CA with `" + Tool + " init`" : "issue it with `" + ReissueCommand(role, null) + "`"));
                return null;
            }

            try
            {
                return PemFiles.ReadCertificate(path);
            }
            catch (CertToolException ex)
            {
                Add(FindingLevel.Error, CheckRule.Readable, path, WithoutFileName(ex.Message, path));
                return null;
            }
        }

        private X509Certificate2? LoadDevice()
        {
            bool hasCertificate = File.Exists(_options.DeviceCertificate);
            bool hasKey = File.Exists(_options.DeviceKey);
            if (!hasCertificate && !hasKey)
            {
                Add(FindingLevel.Ok, CheckRule.Readable, _options.DeviceCertificate, "absent: fine while the device does not use a client certificate (mutual TLS); make one with `" + Tool + " device --mac <Wi-Fi MAC>`");
                return null;
            }

            if (!hasCertificate)
            {
                Add(FindingLevel.Error, CheckRule.Readable, _options.DeviceCertificate, "not found, but its key " + Path.GetFileName(_options.DeviceKey) + " is: issue both again with `" + Tool + " device --mac <Wi-Fi MAC>`");
                return null;
            }

            return Load(_options.DeviceCertificate, CertRole.Device);
        }

        private void CheckCaConstraints(X509Certificate2 ca)
        {
            X509BasicConstraintsExtension? constraints = CertificateFacts.BasicConstraints(ca);
            if (constraints == null || !constraints.CertificateAuthority)
            {
                Add(FindingLevel.Error, CheckRule.Chain, _options.CaCertificate, "is not a CA certificate (no basicConstraints CA:TRUE), so mbedTLS will not accept anything it signed: is it a server or device certificate given as the CA? make the CA with `" + Tool + " init`");
                return;
            }

            X509KeyUsageExtension? usage = CertificateFacts.KeyUsage(ca);
            if (usage != null && (usage.KeyUsages & X509KeyUsageFlags.KeyCertSign) == 0)
            {
                Add(FindingLevel.Error, CheckRule.Usage, _options.CaCertificate, "its key usage lacks keyCertSign, so mbedTLS rejects the certificates it signed: make the CA with `" + Tool + " init --force`");
                return;
            }

            Add(FindingLevel.Ok, CheckRule.Chain, _options.CaCertificate, "a CA certificate (" + ca.Subject + ")");
        }

        private void CheckChain(X509Certificate2 certificate, X509Certificate2? ca, CertRole role, string path)
        {
            if (ca == null)
            {
                return;
            }

            string caName = Path.GetFileName(_options.CaCertificate);
            string trustedBy = role == CertRole.Server ? "the device trusts" : "the server trusts for client certificates";
            if (!certificate.IssuerName.RawData.AsSpan().SequenceEqual(ca.SubjectName.RawData))
            {
                string self = certificate.IssuerName.Name == certificate.SubjectName.Name ? " (it is self-signed)" : string.Empty;
                Add(FindingLevel.Error, CheckRule.Chain, path, "was issued by '" + certificate.Issuer + "'" + self + ", but the CA " + trustedBy + " (" + caName + ") is '" + ca.Subject + "': the handshake fails with an untrusted certificate; " + ReissueAdvice(role, certificate) + ", or use the CA that signed it");
                return;
            }

            if (!CertificateFacts.IsSignedBy(certificate, ca, out string? reason))
            {
                string why = reason != null ? " (" + reason + ")" : " (signature does not verify)";
                Add(FindingLevel.Error, CheckRule.Chain, path, "names '" + ca.Subject + "' as its issuer, but " + caName + "'s key did not sign it" + why + ": it comes from another CA of the same name (a CA made again with init --force?); " + ReissueAdvice(role, certificate));
                return;
            }

            Add(FindingLevel.Ok, CheckRule.Chain, path, "issued by " + caName + " (signature verified)");
        }

        private void CheckValidity(X509Certificate2 certificate, CertRole role, string path)
        {
            DateTimeOffset at = _options.At;
            DateTimeOffset notBefore = CertificateFacts.NotBefore(certificate);
            DateTimeOffset notAfter = CertificateFacts.NotAfter(certificate);
            string clock = (_options.AtIsExplicit ? "the checked time is " : "it is now ") + CertificateFacts.Show(at);
            if (at < notBefore)
            {
                string fix = _options.AtIsExplicit
                    ? "a device whose clock reads this rejects it, however good the certificate: let the device sync its clock (SNTP) before TLS"
                    : "the clock of the machine that issued it was ahead, or this clock is behind: fix the clock, or " + ReissueAdvice(role, certificate);
                Add(FindingLevel.Error, CheckRule.NotYetValid, path, "is not valid until " + CertificateFacts.Show(notBefore) + ", and " + clock + ": " + fix);
                return;
            }

            if (at > notAfter)
            {
                Add(FindingLevel.Error, CheckRule.Expired, path, "expired on " + CertificateFacts.Show(notAfter) + " (" + clock + "): " + ReissueAdvice(role, certificate));
                return;
            }

            int daysLeft = (int)Math.Floor((notAfter - at).TotalDays);
            if (notAfter < at.AddDays(_options.WarnDays))
            {
                Add(FindingLevel.Warning, CheckRule.ExpiresSoon, path, "expires on " + CertificateFacts.Show(notAfter) + ", in " + daysLeft + " days: before then, " + ReissueAdvice(role, certificate));
                return;
            }

            Add(FindingLevel.Ok, CheckRule.Expired, path, "valid from " + CertificateFacts.Show(notBefore) + " to " + CertificateFacts.Show(notAfter) + " (" + daysLeft + " days left)");
        }

        private void CheckAlgorithms(X509Certificate2 certificate, CertRole role, string path)
        {
            bool ok = true;
            string key = CertificateFacts.KeyDescription(certificate);
            string? curve = CertificateFacts.CurveOid(certificate);
            int rsaBits = CertificateFacts.RsaKeySize(certificate);
            if (curve == CertificateFacts.P521Oid)
            {
                // mbedTLS's default X.509 profile lists secp521r1 (library/x509_crt.c, mbedtls_x509_crt_profile_default)
                // and ESP-IDF enables the curve by default: it works, but costs the board time and heap.
                ok = false;
                Add(FindingLevel.Warning, CheckRule.Algorithm, path, "has an " + key + " key: the ESP32's mbedTLS accepts it, but P-521 arithmetic runs in software and makes each handshake several times slower and hungrier for heap than P-256; " + ReissueAdvice(role, certificate) + " (ECDSA P-256 by default)");
            }
            else if (curve != null && curve.StartsWith(BrainpoolOidPrefix, StringComparison.Ordinal))
            {
                ok = false;
                Add(FindingLevel.Error, CheckRule.Algorithm, path, "has an " + key + " key: mbedTLS's default profile lists the brainpool curves, but this project does not vouch for them on the ESP32 (a firmware built without the curve cannot even parse the certificate): " + ReissueAdvice(role, certificate) + " (ECDSA P-256 by default)");
            }
            else if (curve != null && curve != CertificateFacts.P256Oid && curve != CertificateFacts.P384Oid)
            {
                // mbedTLS v3.6.5 verifies the chain against its default profile (library/x509_crt.c: P-256, P-384, P-521,
                // brainpool) before the TLS 1.2 curve check of library/ssl_tls.c (about line 9970) that would give
                // -0x7A00; the two lists name the same signing curves, so the profile's BAD_KEY always fires first.
                ok = false;
                Add(FindingLevel.Error, CheckRule.Algorithm, path, "has an " + key + " key, a curve outside mbedTLS's default certificate profile (P-256, P-384, P-521, brainpool), so the board fails the chain with -0x2700 (newer firmware: flag BAD_KEY, 'unacceptable algorithm'), not -0x7A00: mbedTLS checks the profile before its TLS 1.2 curve list; " + ReissueAdvice(role, certificate) + " (ECDSA P-256 by default)");
            }
            else if (curve == null && rsaBits == 0)
            {
                ok = false;
                Add(FindingLevel.Error, CheckRule.Algorithm, path, "has a " + key + ", which the ESP32's mbedTLS does not accept (ECDSA P-256/P-384 or RSA 2048+): " + ReissueAdvice(role, certificate));
            }
            else if (curve == null && rsaBits < 2048)
            {
                ok = false;
                Add(FindingLevel.Error, CheckRule.Algorithm, path, "has an RSA " + rsaBits + " key; mbedTLS's default certificate profile needs RSA 2048 or more: " + ReissueAdvice(role, certificate) + " (ECDSA P-256 by default, --algorithm rsa-2048 for RSA)");
            }

            SignatureScheme signature = CertificateFacts.Signature(certificate);
            if (!signature.HashIsAcceptable)
            {
                ok = false;
                bool selfSigned = role == CertRole.Ca && certificate.IssuerName.RawData.AsSpan().SequenceEqual(certificate.SubjectName.RawData);
                if (selfSigned)
                {
                    // mbedTLS never checks the signature of a trust anchor on itself, so this alone does not break the device.
                    Add(FindingLevel.Warning, CheckRule.Algorithm, path, "signs itself with " + signature.Name + "; mbedTLS ignores a trusted CA's self-signature, but other clients refuse it: make the CA again with `" + Tool + " init --force` (SHA-256)");
                }
                else
                {
                    Add(FindingLevel.Error, CheckRule.Algorithm, path, "is signed with " + signature.Name + ", which mbedTLS's default certificate profile rejects (it needs SHA-256 or better): " + ReissueAdvice(role, certificate) + " (SHA-256)");
                }
            }

            if (ok)
            {
                Add(FindingLevel.Ok, CheckRule.Algorithm, path, key + " key, " + signature.Name + " signature");
            }
        }

        private void CheckUsage(X509Certificate2 certificate, CertRole role, string path)
        {
            if (role == CertRole.Server)
            {
                CheckServerUsage(certificate, path);
                return;
            }

            // The device certificate is judged by the WWEP server (.NET), not by the board.
            IReadOnlyList<string>? extended = CertificateFacts.ExtendedKeyUsages(certificate);
            if (extended != null && !Contains(extended, UsageNames.ClientAuthOid) && !Contains(extended, UsageNames.AnyExtendedUsageOid))
            {
                Add(FindingLevel.Error, CheckRule.Usage, path, "its extended key usage lists " + UsageNames.ExtendedUsages(extended) + ", lacks clientAuth, so the server refuses it as a TLS client certificate: " + ReissueAdvice(role, certificate));
                return;
            }

            X509KeyUsageExtension? usage = CertificateFacts.KeyUsage(certificate);
            X509KeyUsageFlags needed = CertificateFacts.RsaKeySize(certificate) > 0
                ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment
                : X509KeyUsageFlags.DigitalSignature;
            if (usage != null && (usage.KeyUsages & needed) == 0)
            {
                Add(FindingLevel.Error, CheckRule.Usage, path, "its key usage (" + UsageNames.KeyUsages(usage.KeyUsages) + ") lacks digitalSignature, which a TLS client needs to sign its CertificateVerify: " + ReissueAdvice(role, certificate));
                return;
            }

            Add(FindingLevel.Ok, CheckRule.Usage, path, "usable as a TLS client (clientAuth) certificate");
        }

        private void CheckServerUsage(X509Certificate2 server, string path)
        {
            // What the board's mbedTLS demands of the server certificate once its chain verified (mbedTLS v3.6.5
            // library/ssl_tls.c mbedtls_ssl_check_cert_usage, called from mbedtls_ssl_verify_certificate about
            // lines 9980-9988; the bit tests are library/x509_crt.c mbedtls_x509_crt_check_key_usage and
            // _check_extended_key_usage). A missing extension allows everything; a present one must hold every bit
            // the negotiated key exchange needs (TLS 1.3 and TLS 1.2 ECDHE-ECDSA/ECDHE-RSA: digitalSignature; TLS 1.2
            // RSA key exchange: keyEncipherment) and must not set encipherOnly/decipherOnly; extKeyUsage must list
            // serverAuth or anyExtendedKeyUsage. Any miss is MBEDTLS_ERR_SSL_BAD_CERTIFICATE, -0x7A00.
            List<string> problems = new();
            string? limitation = null;
            X509KeyUsageExtension? usage = CertificateFacts.KeyUsage(server);
            if (usage != null)
            {
                X509KeyUsageFlags flags = usage.KeyUsages;
                string listed = "its key usage (" + UsageNames.KeyUsages(flags) + ")";
                bool signs = (flags & X509KeyUsageFlags.DigitalSignature) != 0;
                bool enciphers = (flags & X509KeyUsageFlags.KeyEncipherment) != 0;
                if (CertificateFacts.RsaKeySize(server) > 0)
                {
                    if (!signs && !enciphers)
                    {
                        problems.Add(listed + " lacks keyEncipherment and digitalSignature (an RSA server key needs digitalSignature for TLS 1.3 and ECDHE-RSA, keyEncipherment for RSA key exchange)");
                    }
                    else if (!signs)
                    {
                        limitation = listed + " lacks digitalSignature: the board accepts it only when the server picks RSA key exchange (a TLS 1.2 TLS_RSA_WITH_* suite); under TLS 1.3 or an ECDHE-RSA suite, which the board offers first, it fails the handshake with -0x7A00 (bad certificate), not retried; ";
                    }
                }
                else if (!signs)
                {
                    problems.Add(listed + " lacks digitalSignature, which an ECDSA server key needs (TLS 1.2 ECDHE-ECDSA and TLS 1.3 sign with it)");
                }

                X509KeyUsageFlags onlyBits = flags & (X509KeyUsageFlags.EncipherOnly | X509KeyUsageFlags.DecipherOnly);
                if (onlyBits != 0)
                {
                    problems.Add("its key usage sets " + UsageNames.KeyUsages(onlyBits) + ", which mbedTLS refuses for a TLS server (it never asks for that bit)");
                }
            }

            IReadOnlyList<string>? extended = CertificateFacts.ExtendedKeyUsages(server);
            if (extended != null && !Contains(extended, UsageNames.ServerAuthOid) && !Contains(extended, UsageNames.AnyExtendedUsageOid))
            {
                problems.Add("its extended key usage lists " + UsageNames.ExtendedUsages(extended) + ", lacks serverAuth");
            }

            if (problems.Count > 0)
            {
                Add(FindingLevel.Error, CheckRule.Usage, path, string.Join("; ", problems) + ": the board fails the handshake with -0x7A00 (bad certificate), not retried; " + ReissueAdvice(CertRole.Server, server));
                return;
            }

            if (limitation != null)
            {
                Add(FindingLevel.Warning, CheckRule.Usage, path, limitation + ReissueAdvice(CertRole.Server, server));
                return;
            }

            Add(FindingLevel.Ok, CheckRule.Usage, path, "usable as a TLS server (serverAuth) certificate");
        }

        private void CheckHostName(X509Certificate2 server)
        {
            string host = _options.HostName;
            HostNameMatch match = HostNameMatcher.Match(server, host);
            if (match == HostNameMatch.Covered)
            {
                Add(FindingLevel.Ok, CheckRule.HostName, _options.ServerCertificate, "names " + host + ", " + _options.HostNameSource);
                return;
            }

            if (match == HostNameMatch.CoveredByCommonNameOnly)
            {
                Add(FindingLevel.Warning, CheckRule.HostName, _options.ServerCertificate, "has no subject alternative names; mbedTLS accepts its CN=" + host + ", but most other clients (and tests) do not: re-issue it with `" + Tool + " server`");
                return;
            }

            StringBuilder names = new();
            foreach (string dns in CertificateFacts.DnsNames(server))
            {
                names.Append(names.Length == 0 ? string.Empty : ", ").Append(dns);
            }

            foreach (IPAddress address in CertificateFacts.IpAddresses(server))
            {
                names.Append(names.Length == 0 ? string.Empty : ", ").Append(address);
            }

            if (names.Length == 0)
            {
                names.Append("only CN=").Append(CertificateFacts.CommonName(server));
            }

            string nameOption = IPAddress.TryParse(host, out _) ? "--ip " : "--name ";
            Add(FindingLevel.Error, CheckRule.HostName, _options.ServerCertificate, "does not name '" + host + "', " + _options.HostNameSource + "; it names " + names + ", so the handshake fails with a name mismatch: re-issue it with `" + Tool + " server " + nameOption + host + "`, or set TlsHostName in the firmware to a name it carries");
        }

        private void CheckKey(string keyPath, X509Certificate2 certificate, CertRole role, string certificatePath)
        {
            string certificateName = Path.GetFileName(certificatePath);
            if (!File.Exists(keyPath))
            {
                Add(FindingLevel.Error, CheckRule.KeyMatch, keyPath, "not found: " + certificateName + " is useless without its private key; " + ReissueAdvice(role, certificate));
                return;
            }

            SigningKey key;
            try
            {
                key = PemFiles.ReadKey(keyPath);
            }
            catch (CertToolException ex)
            {
                Add(FindingLevel.Error, CheckRule.Readable, keyPath, WithoutFileName(ex.Message, keyPath));
                return;
            }

            using (key)
            {
                bool keyIsEc = key.Key is ECDsa;
                bool certificateIsEc = CertificateFacts.CurveOid(certificate) != null;
                if (keyIsEc != certificateIsEc)
                {
                    Add(FindingLevel.Error, CheckRule.KeyMatch, keyPath, "is an " + key.Description + " key but " + certificateName + " holds an " + CertificateFacts.KeyDescription(certificate) + " key: they are not a pair; " + ReissueAdvice(role, certificate));
                    return;
                }

                if (!key.Matches(certificate))
                {
                    Add(FindingLevel.Error, CheckRule.KeyMatch, keyPath, "does not belong to " + certificateName + " (their public keys differ), so the handshake fails at the signature: " + ReissueAdvice(role, certificate) + " (it writes the pair together)");
                    return;
                }

                Add(FindingLevel.Ok, CheckRule.KeyMatch, keyPath, "belongs to " + certificateName);
            }
        }

        private void CheckDeviceId(X509Certificate2 device)
        {
            string cn = CertificateFacts.CommonName(device);
            string path = _options.DeviceCertificate;
            if (DeviceIdentity.TryParseHex(cn, out int id))
            {
                string canonical = DeviceIdentity.ToHex(id);
                if (cn == canonical)
                {
                    Add(FindingLevel.Ok, CheckRule.DeviceId, path, "CN=" + cn + " is a device ID");
                }
                else
                {
                    Add(FindingLevel.Error, CheckRule.DeviceId, path, "CN=" + cn + " is written in lowercase, but device IDs are uppercase hex as the device sends them (" + canonical + "): re-issue it with `" + Tool + " device --id " + canonical + "`");
                }

                return;
            }

            string hint;
            try
            {
                string fromMac = DeviceIdentity.ToHex(DeviceIdentity.FromMac(DeviceIdentity.ParseMac(cn)));
                hint = "it is a MAC address; that device's ID is " + fromMac + ": re-issue it with `" + Tool + " device --mac " + cn + "`";
            }
            catch (ArgumentException)
            {
                hint = "re-issue it with `" + Tool + " device --mac <Wi-Fi MAC>` (the ID is the 16-bit sum of the MAC's bytes)";
            }

            Add(FindingLevel.Error, CheckRule.DeviceId, path, "CN='" + cn + "' is not a device ID (4 uppercase hex digits such as 02E8), so the server cannot tell which device it speaks for: " + hint);
        }

        private void CheckDerCopy(string? derPath, X509Certificate2 certificate, CertRole role, string certificatePath)
        {
            if (derPath == null || !File.Exists(derPath) || Path.GetFullPath(derPath) == Path.GetFullPath(certificatePath))
            {
                return;
            }

            byte[] der = File.ReadAllBytes(derPath);
            if (der.AsSpan().SequenceEqual(certificate.RawData))
            {
                Add(FindingLevel.Ok, CheckRule.DerCopy, derPath, "is the DER form of " + Path.GetFileName(certificatePath));
                return;
            }

            string fix = role == CertRole.Ca
                ? "restore both from git, or make the CA again with `" + Tool + " init --force`"
                : ReissueAdvice(role, certificate) + " (it writes both)";
            Add(FindingLevel.Error, CheckRule.DerCopy, derPath, "is not the same certificate as " + Path.GetFileName(certificatePath) + ", so programs reading one or the other disagree: " + fix);
        }

        private void CheckEmbedded(FirmwareResources firmware, X509Certificate2? ca, X509Certificate2? device)
        {
            if (!File.Exists(firmware.ResxPath))
            {
                Add(FindingLevel.Error, CheckRule.Embedded, firmware.ResxPath, "not found, so the firmware embeds no CA and cannot verify the server: run `" + Tool + " embed`");
                return;
            }

            IReadOnlyList<ResxEntry> entries;
            try
            {
                entries = ResxDocument.Read(firmware.ResxPath);
            }
            catch (CertToolException ex)
            {
                Add(FindingLevel.Error, CheckRule.Embedded, firmware.ResxPath, ex.Message);
                return;
            }

            ResxEntry? caEntry = Find(entries, FirmwareResources.CaCertificateName);
            ResxEntry? deviceEntry = Find(entries, FirmwareResources.DeviceCertificateName);
            ResxEntry? keyEntry = Find(entries, FirmwareResources.DeviceKeyName);
            if (caEntry == null)
            {
                Add(FindingLevel.Error, CheckRule.Embedded, firmware.ResxPath, "has no " + FirmwareResources.CaCertificateName + " entry, so the firmware cannot verify the server: run `" + Tool + " embed`");
            }
            else
            {
                byte[]? bytes = EmbeddedBytes(firmware, caEntry);
                if (bytes != null)
                {
                    _embeddedCa = bytes;
                    _embeddedCaPath = firmware.ResolveReference(caEntry.FileReference!);
                }

                if (bytes != null && ca != null)
                {
                    CompareEmbeddedCertificate(firmware, caEntry, bytes, ca, _options.CaCertificate, "the device would reject the server's certificate", "embed");
                }
            }

            if ((deviceEntry == null) != (keyEntry == null))
            {
                string missing = deviceEntry == null ? FirmwareResources.DeviceCertificateName : FirmwareResources.DeviceKeyName;
                Add(FindingLevel.Error, CheckRule.Embedded, firmware.ResxPath, "has one of DeviceCertificate and DeviceKey but not " + missing + ": run `" + Tool + " embed --device` to embed the pair, or embed without --device to drop both");
            }
            else if (deviceEntry != null && keyEntry != null)
            {
                CheckEmbeddedDevice(firmware, deviceEntry, keyEntry, device);
            }
            else
            {
                Add(FindingLevel.Ok, CheckRule.Embedded, firmware.ResxPath, "embeds no device certificate (fine without mutual TLS; `" + Tool + " embed --device` adds it)");
            }

            CheckDesigner(firmware, entries);
        }

        private void CheckEmbeddedDevice(FirmwareResources firmware, ResxEntry deviceEntry, ResxEntry keyEntry, X509Certificate2? device)
        {
            byte[]? certificateBytes = EmbeddedBytes(firmware, deviceEntry);
            byte[]? keyBytes = EmbeddedBytes(firmware, keyEntry);
            if (certificateBytes == null || keyBytes == null)
            {
                return;
            }

            if (device == null)
            {
                Add(FindingLevel.Error, CheckRule.Embedded, firmware.ResolveReference(deviceEntry.FileReference!), "is embedded, but there is no " + Path.GetFileName(_options.DeviceCertificate) + " to compare it with: run `" + Tool + " device --mac <Wi-Fi MAC>` then `" + Tool + " embed --device`, or embed without --device");
                return;
            }

            CompareEmbeddedCertificate(firmware, deviceEntry, certificateBytes, device, _options.DeviceCertificate, "the device would present a certificate the server does not expect", "embed --device");
            string keyPath = firmware.ResolveReference(keyEntry.FileReference!);
            try
            {
                using SigningKey key = PemFiles.ReadKey(keyPath);
                if (key.Matches(device))
                {
                    Add(FindingLevel.Ok, CheckRule.Embedded, keyPath, "belongs to " + Path.GetFileName(_options.DeviceCertificate));
                }
                else
                {
                    Add(FindingLevel.Error, CheckRule.Embedded, keyPath, "does not belong to " + Path.GetFileName(_options.DeviceCertificate) + ", so the device's client authentication fails: run `" + Tool + " embed --device`");
                }
            }
            catch (CertToolException ex)
            {
                Add(FindingLevel.Error, CheckRule.Embedded, keyPath, ex.Message + " (run `" + Tool + " embed --device`)");
            }
        }

        private byte[]? EmbeddedBytes(FirmwareResources firmware, ResxEntry entry)
        {
            if (entry.FileReference == null)
            {
                Add(FindingLevel.Error, CheckRule.Embedded, firmware.ResxPath, "holds " + entry.Name + " inline instead of as a file reference, so it cannot be compared with certs/: run `" + Tool + " embed`");
                return null;
            }

            if (!entry.IsBinaryFile)
            {
                Add(FindingLevel.Error, CheckRule.Embedded, firmware.ResxPath, "reads " + entry.Name + " as '" + entry.TypeName + "' instead of System.Byte[], so the designer's GetBytes cannot return it: run `" + Tool + " embed`");
                return null;
            }

            string path = firmware.ResolveReference(entry.FileReference);
            if (!File.Exists(path))
            {
                Add(FindingLevel.Error, CheckRule.Embedded, firmware.ResxPath, "references " + entry.FileReference + " for " + entry.Name + ", which does not exist, so the firmware does not build: run `" + Tool + " embed`");
                return null;
            }

            byte[] bytes = File.ReadAllBytes(path);
            if (Encoding.ASCII.GetString(bytes).Contains("-----BEGIN ", StringComparison.Ordinal))
            {
                Add(FindingLevel.Error, CheckRule.Embedded, path, "holds PEM text, not DER: mbedTLS needs a NUL byte after PEM and the firmware passes the resource's bytes as they are; run `" + Tool + " embed` (it writes DER)");
                return null;
            }

            return bytes;
        }

        private void CompareEmbeddedCertificate(FirmwareResources firmware, ResxEntry entry, byte[] bytes, X509Certificate2 expected, string expectedPath, string consequence, string verb)
        {
            string path = firmware.ResolveReference(entry.FileReference!);
            string expectedName = Path.GetFileName(expectedPath);
            if (bytes.AsSpan().SequenceEqual(expected.RawData))
            {
                Add(FindingLevel.Ok, CheckRule.Embedded, path, "is " + expectedName);
                return;
            }

            string what;
            try
            {
                using X509Certificate2 embedded = X509CertificateLoader.LoadCertificate(bytes);
                what = "it holds '" + embedded.Subject + "' serial " + embedded.SerialNumber + ", " + expectedName + " is '" + expected.Subject + "' serial " + expected.SerialNumber;
            }
            catch (CryptographicException)
            {
                what = "it is not a DER certificate at all";
            }

            Add(FindingLevel.Error, CheckRule.Embedded, path, "is stale: not the same certificate as " + expectedName + " (" + what + "), so " + consequence + ": run `" + Tool + " " + verb + "` and rebuild the firmware");
        }

        private void CheckDesigner(FirmwareResources firmware, IReadOnlyList<ResxEntry> entries)
        {
            string path = firmware.DesignerPath;
            if (!File.Exists(path))
            {
                Add(FindingLevel.Error, CheckRule.Embedded, path, "not found, so the firmware's Resources class is missing: run `" + Tool + " embed`");
                return;
            }

            DesignerIds designer = ResourceDesigner.Read(File.ReadAllText(path));
            bool ok = true;
            string expectedManager = FirmwareResources.FirmwareNamespace + ".Resources";
            if (designer.ResourceManagerName != expectedManager)
            {
                ok = false;
                Add(FindingLevel.Error, CheckRule.Embedded, path, "loads resources as '" + (designer.ResourceManagerName ?? "(none)") + "', but the firmware's are '" + expectedManager + "', so every lookup fails: run `" + Tool + " embed`");
            }

            HashSet<string> listed = new(StringComparer.Ordinal);
            StringBuilder summary = new();
            foreach (ResxEntry entry in entries)
            {
                listed.Add(entry.FieldName);
                short expected;
                try
                {
                    expected = ResourceDesigner.IdOf(entry.Name);
                }
                catch (CertToolException ex)
                {
                    ok = false;
                    Add(FindingLevel.Error, CheckRule.Embedded, firmware.ResxPath, ex.Message);
                    continue;
                }

                if (!designer.Ids.TryGetValue(entry.FieldName, out short actual))
                {
                    ok = false;
                    Add(FindingLevel.Error, CheckRule.Embedded, path, "lacks " + entry.FieldName + ", which Resources.resx has, so the firmware cannot name it: run `" + Tool + " embed`");
                }
                else if (actual != expected)
                {
                    ok = false;
                    Add(FindingLevel.Error, CheckRule.Embedded, path, "is stale: it gives " + entry.FieldName + " the ID " + actual + ", the nanoFramework build gives it " + expected + ", so the device looks up a resource that is not there: run `" + Tool + " embed`");
                }
                else
                {
                    summary.Append(summary.Length == 0 ? string.Empty : ", ").Append(entry.FieldName).Append(' ').Append(actual);
                }
            }

            foreach (string name in designer.Ids.Keys)
            {
                if (!listed.Contains(name))
                {
                    ok = false;
                    Add(FindingLevel.Error, CheckRule.Embedded, path, "lists " + name + ", which Resources.resx does not have, so the build's resources and the code disagree: run `" + Tool + " embed`");
                }
            }

            if (ok)
            {
                Add(FindingLevel.Ok, CheckRule.Embedded, path, "IDs match Resources.resx and the nanoFramework tooling (" + summary + ")");
            }
        }

        private void CheckBoardCa(string path, X509Certificate2? ca)
        {
            // Every SecureClientInit parses the store's CA bundle into the same chain as the CA the firmware passes
            // (nf-interpreter src/PAL/COM/sockets/ssl/MbedTLS/ssl_generic_init_internal.cpp, "CA root certs from
            // store", at 3367392a and a3e8139a), so a board trusts each stored CA besides the embedded one.
            IReadOnlyList<X509Certificate2> stored;
            try
            {
                stored = PemFiles.ReadCertificates(path);
            }
            catch (CertToolException ex)
            {
                Add(FindingLevel.Error, CheckRule.Readable, path, WithoutFileName(ex.Message, path) + " (--board-ca names the CA file a board stores)");
                return;
            }

            X509Certificate2? embedded = null;
            string embeddedName;
            if (_embeddedCa != null)
            {
                embeddedName = PathDisplay.Show(_embeddedCaPath!);
                try
                {
                    embedded = X509CertificateLoader.LoadCertificate(_embeddedCa);
                }
                catch (CryptographicException)
                {
                    // The embedded rule has reported it already.
                }
            }
            else
            {
                // No firmware to read (--skip-firmware): the CA embed would put there stands in for it.
                embeddedName = PathDisplay.Show(_options.CaCertificate) + ", which embed puts in the firmware";
                embedded = _options.Firmware == null && ca != null ? X509CertificateLoader.LoadCertificate(ca.RawData) : null;
            }

            try
            {
                if (embedded == null)
                {
                    Add(FindingLevel.Warning, CheckRule.BoardCa, path, "not compared: the firmware's embedded CA could not be read (see above), and the board trusts both");
                    return;
                }

                for (int i = 0; i < stored.Count; i++)
                {
                    CompareBoardCa(path, stored[i], stored.Count == 1 ? string.Empty : "certificate " + (i + 1) + " of " + stored.Count + " ", embedded, embeddedName);
                }
            }
            finally
            {
                embedded?.Dispose();
                foreach (X509Certificate2 certificate in stored)
                {
                    certificate.Dispose();
                }
            }
        }

        private void CompareBoardCa(string path, X509Certificate2 stored, string which, X509Certificate2 embedded, string embeddedName)
        {
            string storedIs = which + "'" + stored.Subject + "' (expires " + CertificateFacts.Show(CertificateFacts.NotAfter(stored)) + ")";
            if (stored.RawData.AsSpan().SequenceEqual(embedded.RawData))
            {
                Add(FindingLevel.Ok, CheckRule.BoardCa, path, storedIs + " is the CA the firmware embeds (" + embeddedName + ")");
                return;
            }

            Add(FindingLevel.Warning, CheckRule.BoardCa, path, storedIs + " is not the CA the firmware embeds (" + embeddedName + ": '" + embedded.Subject + "', expires " + CertificateFacts.Show(CertificateFacts.NotAfter(embedded)) + "): the board trusts both, because every TLS handshake adds the CA bundle stored on the board to the firmware's CA, so a server certificate from either passes; to trust only the CA the firmware embeds, empty the stored bundle (`nf-build/configure --port <serial> --remove-ca`)");
            DateTimeOffset storedEnd = CertificateFacts.NotAfter(stored);
            DateTimeOffset embeddedEnd = CertificateFacts.NotAfter(embedded);
            if (storedEnd < embeddedEnd)
            {
                // mbedTLS checks a trusted CA's own dates too (library/x509_crt.c x509_crt_verify_chain, before it stops at a trusted root).
                string verb = storedEnd < _options.At ? "expired on " : "expires on ";
                Add(FindingLevel.Warning, CheckRule.BoardCa, path, which + verb + CertificateFacts.Show(storedEnd) + ", before the embedded CA (" + CertificateFacts.Show(embeddedEnd) + "): from then on a server certificate it issued fails on the board as expired");
            }
            else
            {
                Add(FindingLevel.Ok, CheckRule.BoardCa, path, which + "expires on " + CertificateFacts.Show(storedEnd) + ", not before the embedded CA (" + CertificateFacts.Show(embeddedEnd) + ")");
            }
        }

        private static ResxEntry? Find(IReadOnlyList<ResxEntry> entries, string fieldName)
        {
            foreach (ResxEntry entry in entries)
            {
                if (entry.FieldName == fieldName)
                {
                    return entry;
                }
            }

            return null;
        }

        private static bool Contains(IReadOnlyList<string> values, string wanted)
        {
            foreach (string value in values)
            {
                if (value == wanted)
                {
                    return true;
                }
            }

            return false;
        }

        private static string ReissueAdvice(CertRole role, X509Certificate2? certificate)
        {
            return role == CertRole.Ca
                ? "make a new CA with `" + Tool + " init --force`, then run server, device and embed again and reflash"
                : "re-issue it with `" + ReissueCommand(role, certificate) + "`";
        }

        private static string ReissueCommand(CertRole role, X509Certificate2? certificate)
        {
            if (role == CertRole.Server)
            {
                return Tool + " server";
            }

            // Keep the device's ID when the certificate already carries a valid one.
            string cn = certificate != null ? CertificateFacts.CommonName(certificate) : string.Empty;
            return DeviceIdentity.TryParseHex(cn, out int id) ? Tool + " device --id " + DeviceIdentity.ToHex(id) : Tool + " device --mac <Wi-Fi MAC>";
        }

        private static string WithoutFileName(string message, string path)
        {
            // Read errors start with the file's name, which the report line already shows.
            string prefix = Path.GetFileName(path) + " ";
            return message.StartsWith(prefix, StringComparison.Ordinal) ? message.Substring(prefix.Length) : message;
        }

        private void Add(FindingLevel level, CheckRule rule, string path, string message)
        {
            _findings.Add(new Finding(level, rule, PathDisplay.Show(path), message));
        }
    }
}
