using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WwepSimulator
{
    /// <summary>
    /// The certificate files the board embeds, read from disk: the project CA (the only trust anchor) and,
    /// for mutual TLS, the device certificate with its key.
    /// </summary>
    public sealed class TlsCredentials
    {
        private TlsCredentials(X509Certificate2 ca, X509Certificate2? device)
        {
            Ca = ca;
            Device = device;
        }

        /// <summary>The CA that must have issued the server certificate.</summary>
        public X509Certificate2 Ca { get; }

        /// <summary>The device certificate with its private key; null without mutual TLS.</summary>
        public X509Certificate2? Device { get; }

        /// <summary>Reads the files.</summary>
        /// <param name="caPath">The CA certificate, PEM.</param>
        /// <param name="deviceCertPath">The device certificate, PEM; null without mutual TLS.</param>
        /// <param name="deviceKeyPath">Its private key, unencrypted PEM; null without mutual TLS.</param>
        /// <returns>The credentials.</returns>
        /// <exception cref="SimulatorInputException">A file is missing or unreadable; the message names it and the fix.</exception>
        public static TlsCredentials Load(string caPath, string? deviceCertPath, string? deviceKeyPath)
        {
            X509Certificate2 ca = LoadCa(caPath);
            if (deviceCertPath == null || deviceKeyPath == null)
            {
                return new TlsCredentials(ca, null);
            }

            RequireFile(deviceCertPath, "device certificate", "create it with the certificate tool (certs/tool: device --id <id>)");
            RequireFile(deviceKeyPath, "device key", "create it with the certificate tool (certs/tool: device --id <id>)");
            try
            {
                using X509Certificate2 fromPem = X509Certificate2.CreateFromPemFile(deviceCertPath, deviceKeyPath);

                // A PKCS#12 round trip gives the key a form every platform's TLS stack accepts for a client certificate.
                X509Certificate2 device = X509CertificateLoader.LoadPkcs12(fromPem.Export(X509ContentType.Pkcs12), null);
                return new TlsCredentials(ca, device);
            }
            catch (Exception ex) when (ex is CryptographicException || ex is ArgumentException)
            {
                throw new SimulatorInputException("cannot use device certificate " + deviceCertPath + " with key " + deviceKeyPath + " (" + ex.Message.Trim() + "): they must be a PEM certificate and its unencrypted PEM key; recreate them with the certificate tool");
            }
        }

        private static X509Certificate2 LoadCa(string caPath)
        {
            RequireFile(caPath, "CA certificate", "create the project PKI with the certificate tool (certs/tool) or pass --ca <file>");
            try
            {
                return X509Certificate2.CreateFromPem(File.ReadAllText(caPath));
            }
            catch (Exception ex) when (ex is CryptographicException || ex is ArgumentException)
            {
                throw new SimulatorInputException("CA certificate " + caPath + " is not a PEM certificate (" + ex.Message.Trim() + "): pass the CA's .crt.pem file with --ca");
            }
        }

        private static void RequireFile(string path, string what, string fix)
        {
            if (!File.Exists(path))
            {
                throw new SimulatorInputException(what + " " + path + " not found: " + fix);
            }
        }
    }
}
