using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WwepDevice.Core.Settings;

namespace WwepCerts
{
    /// <summary>
    /// Makes the test CA and issues the server and device certificates into a certs folder (the init, server and
    /// device verbs). Every file it writes is marked TEST ONLY.
    /// </summary>
    public sealed class PkiIssuer
    {
        /// <summary>The organisation of every subject: says what these certificates are at a glance.</summary>
        public const string Organization = "WWEP test PKI (TEST ONLY)";

        /// <summary>The CA's common name.</summary>
        public const string CaCommonName = "WWEP Test CA (TEST ONLY)";

        /// <summary>Default CA lifetime in days.</summary>
        public const int DefaultCaDays = 3650;

        /// <summary>Default server and device certificate lifetime in days.</summary>
        public const int DefaultLeafDays = 825;

        /// <summary>
        /// Certificates start one day in the past, so a device or server whose clock is a little behind the machine
        /// that issued them does not see a "not yet valid" certificate.
        /// </summary>
        public static readonly TimeSpan Backdate = TimeSpan.FromDays(1);

        private readonly PkiFiles _files;
        private readonly TextWriter _log;
        private readonly DateTimeOffset _now;

        /// <summary>Creates an issuer for a certs folder.</summary>
        /// <param name="files">The certs folder.</param>
        /// <param name="log">Where to say what was written.</param>
        /// <param name="now">The issuing time.</param>
        public PkiIssuer(PkiFiles files, TextWriter log, DateTimeOffset now)
        {
            _files = files;
            _log = log;
            _now = now;
        }

        /// <summary>The host names every server certificate carries besides the firmware's: the simulator and tests connect to these.</summary>
        public static IReadOnlyList<string> LoopbackNames { get; } = new[] { "localhost" };

        /// <summary>The addresses every server certificate carries.</summary>
        public static IReadOnlyList<IPAddress> LoopbackAddresses { get; } = new[] { IPAddress.Loopback, IPAddress.IPv6Loopback };

        /// <summary>Makes the CA (init). Refuses to replace an existing CA key unless <paramref name="force"/>.</summary>
        /// <param name="algorithm">The CA's key type.</param>
        /// <param name="days">Lifetime in days.</param>
        /// <param name="force">Replace an existing CA key.</param>
        public void CreateCa(KeyAlgorithm algorithm, int days, bool force)
        {
            CheckDays(days);
            if (File.Exists(_files.CaKeyPem) && !force)
            {
                throw new CertToolException(PathDisplay.Show(_files.CaKeyPem) + " already exists: a new CA would invalidate every certificate it signed and the CA embedded in flashed devices; pass --force to replace it (then run server, device and embed again)");
            }

            bool replacing = File.Exists(_files.CaKeyPem);
            using SigningKey key = SigningKey.Generate(algorithm);
            X500DistinguishedName subject = Name(CaCommonName);
            CertificateRequest request = key.CreateRequest(subject, key.SignatureHash);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
            using X509Certificate2 ca = request.Create(subject, key.CreateSignatureGenerator(), _now - Backdate, _now.AddDays(days), NewSerialNumber());

            PemFiles.WriteKeyPem(_files.CaKeyPem, key, "WWEP test CA private key");
            PemFiles.WriteCertificatePem(_files.CaCertificatePem, ca, "WWEP test CA certificate");
            PemFiles.WriteAtomically(_files.CaCertificateDer, ca.RawData);
            _log.WriteLine("wrote " + PathDisplay.Show(_files.CaCertificatePem) + ", " + PkiFiles.CaCertificateDerName + ", " + PkiFiles.CaKeyPemName
                + ": CA '" + CaCommonName + "', " + key.Description + ", valid to " + CertificateFacts.Show(CertificateFacts.NotAfter(ca)));
            if (replacing)
            {
                _log.WriteLine("the CA changed: run server, device and embed again, and reflash devices that embed the old CA");
            }
        }

        /// <summary>Issues the server certificate (server).</summary>
        /// <param name="names">Extra DNS names.</param>
        /// <param name="addresses">Extra IP addresses.</param>
        /// <param name="includeFirmwareHost">Also name the firmware's default TLS host (wwep.local).</param>
        /// <param name="algorithm">The server key's type.</param>
        /// <param name="days">Lifetime in days.</param>
        public void IssueServer(IReadOnlyList<string> names, IReadOnlyList<string> addresses, bool includeFirmwareHost, KeyAlgorithm algorithm, int days)
        {
            CheckDays(days);
            List<string> dnsNames = new();
            if (includeFirmwareHost)
            {
                AddName(dnsNames, new WwepSettings().EffectiveTlsHostName);
            }

            foreach (string name in names)
            {
                AddName(dnsNames, ValidateDnsName(name));
            }

            foreach (string name in LoopbackNames)
            {
                AddName(dnsNames, name);
            }

            List<IPAddress> ips = new(LoopbackAddresses);
            foreach (string text in addresses)
            {
                IPAddress address = ValidateAddress(text);
                if (!ips.Contains(address))
                {
                    ips.Add(address);
                }
            }

            SubjectAlternativeNameBuilder san = new();
            foreach (string name in dnsNames)
            {
                san.AddDnsName(name);
            }

            foreach (IPAddress address in ips)
            {
                san.AddIpAddress(address);
            }

            using SigningKey key = SigningKey.Generate(algorithm);
            using X509Certificate2 certificate = IssueLeaf(key, dnsNames[0], UsageNames.ServerAuthOid, san.Build(), days);
            PemFiles.WriteKeyPem(_files.ServerKeyPem, key, "WWEP test server private key");
            PemFiles.WriteCertificatePem(_files.ServerCertificatePem, certificate, "WWEP test server certificate");
            PemFiles.WriteAtomically(_files.ServerCertificateDer, certificate.RawData);
            _log.WriteLine("wrote " + PathDisplay.Show(_files.ServerCertificatePem) + ", " + PkiFiles.ServerCertificateDerName + ", " + PkiFiles.ServerKeyPemName
                + ": CN=" + dnsNames[0] + ", DNS " + string.Join(" ", dnsNames) + ", IP " + string.Join(" ", ips) + ", " + key.Description
                + ", valid to " + CertificateFacts.Show(CertificateFacts.NotAfter(certificate)));
        }

        /// <summary>Issues the device certificate (device) with CN = the device ID.</summary>
        /// <param name="deviceId">4 uppercase hex digits, from <see cref="DeviceIdInput"/>.</param>
        /// <param name="algorithm">The device key's type.</param>
        /// <param name="days">Lifetime in days.</param>
        public void IssueDevice(string deviceId, KeyAlgorithm algorithm, int days)
        {
            CheckDays(days);
            using SigningKey key = SigningKey.Generate(algorithm);
            using X509Certificate2 certificate = IssueLeaf(key, deviceId, UsageNames.ClientAuthOid, null, days);
            byte[] keyDer = key.ExportPkcs8();
            PemFiles.WriteKeyPem(_files.DeviceKeyPem, key, "WWEP test device " + deviceId + " private key");
            PemFiles.WriteAtomically(_files.DeviceKeyDer, keyDer);
            PemFiles.WriteCertificatePem(_files.DeviceCertificatePem, certificate, "WWEP test device " + deviceId + " certificate");
            PemFiles.WriteAtomically(_files.DeviceCertificateDer, certificate.RawData);
            _log.WriteLine("wrote " + PathDisplay.Show(_files.DeviceCertificatePem) + ", " + PkiFiles.DeviceCertificateDerName + ", " + PkiFiles.DeviceKeyPemName + ", " + PkiFiles.DeviceKeyDerName
                + ": CN=" + deviceId + ", " + key.Description + ", valid to " + CertificateFacts.Show(CertificateFacts.NotAfter(certificate)));
        }

        /// <summary>Reads the CA certificate and key, and makes sure they belong together.</summary>
        /// <param name="key">The CA key; dispose it.</param>
        /// <returns>The CA certificate.</returns>
        public X509Certificate2 LoadCa(out SigningKey key)
        {
            if (!File.Exists(_files.CaCertificatePem) || !File.Exists(_files.CaKeyPem))
            {
                throw new CertToolException("no CA in " + PathDisplay.Show(_files.Directory) + " (" + PkiFiles.CaCertificatePemName + " and " + PkiFiles.CaKeyPemName + "): run init first");
            }

            X509Certificate2 ca = PemFiles.ReadCertificate(_files.CaCertificatePem);
            key = PemFiles.ReadKey(_files.CaKeyPem);
            if (!key.Matches(ca))
            {
                key.Dispose();
                ca.Dispose();
                throw new CertToolException(PkiFiles.CaKeyPemName + " does not belong to " + PkiFiles.CaCertificatePemName + ": restore the pair from git, or make a new CA with init --force");
            }

            return ca;
        }

        private X509Certificate2 IssueLeaf(SigningKey key, string commonName, string extendedUsage, X509Extension? san, int days)
        {
            using X509Certificate2 ca = LoadCa(out SigningKey caKey);
            using (caKey)
            {
                CertificateRequest request = key.CreateRequest(Name(commonName), caKey.SignatureHash);
                request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));

                // mbedTLS checks these for the handshake's role: ECDHE needs digitalSignature; RSA key exchange keyEncipherment.
                X509KeyUsageFlags usage = key.Key is RSA ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment : X509KeyUsageFlags.DigitalSignature;
                request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
                request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(extendedUsage) }, critical: false));
                if (san != null)
                {
                    request.CertificateExtensions.Add(san);
                }

                request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
                request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));

                DateTimeOffset notAfter = _now.AddDays(days);
                DateTimeOffset caNotAfter = CertificateFacts.NotAfter(ca);
                if (notAfter > caNotAfter)
                {
                    // A certificate cannot outlive the CA that vouches for it.
                    notAfter = caNotAfter;
                    _log.WriteLine("note: the CA expires " + CertificateFacts.Show(caNotAfter) + "; the new certificate ends then too");
                }

                return request.Create(ca.SubjectName, caKey.CreateSignatureGenerator(), _now - Backdate, notAfter, NewSerialNumber());
            }
        }

        private static X500DistinguishedName Name(string commonName)
        {
            // The builder encodes in reverse order of the calls: this gives the usual "O=..., CN=..." in DER.
            X500DistinguishedNameBuilder builder = new();
            builder.AddCommonName(commonName);
            builder.AddOrganizationName(Organization);
            return builder.Build();
        }

        private static byte[] NewSerialNumber()
        {
            // 16 random bytes, positive and without a leading zero byte, as RFC 5280 asks.
            byte[] serial = RandomNumberGenerator.GetBytes(16);
            serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
            return serial;
        }

        private static void CheckDays(int days)
        {
            if (days < 1 || days > 36500)
            {
                throw new CertToolException("--days " + days + " is out of range: give 1 to 36500");
            }
        }

        private static void AddName(List<string> names, string name)
        {
            foreach (string existing in names)
            {
                if (string.Equals(existing, name, StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }

            names.Add(name);
        }

        private static string ValidateDnsName(string name)
        {
            string trimmed = name.Trim().TrimEnd('.');
            if (IPAddress.TryParse(trimmed, out _))
            {
                throw new CertToolException("--name " + name + " is an IP address: pass it as --ip " + trimmed);
            }

            bool valid = trimmed.Length > 0 && trimmed.Length <= 253;
            foreach (char c in trimmed)
            {
                valid &= char.IsAsciiLetterOrDigit(c) || c == '-' || c == '.' || c == '*';
            }

            if (!valid)
            {
                throw new CertToolException("--name '" + name + "' is not a DNS name (letters, digits, '-' and '.', such as wwep.local)");
            }

            return trimmed;
        }

        private static IPAddress ValidateAddress(string text)
        {
            if (!IPAddress.TryParse(text.Trim(), out IPAddress? address))
            {
                throw new CertToolException("--ip '" + text + "' is not an IP address (such as 192.168.1.20); a host name goes in --name");
            }

            return address;
        }
    }
}
