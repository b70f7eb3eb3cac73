using System;
using System.Security.Cryptography.X509Certificates;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Tls;

namespace WwepDevice.Esp32
{
    /// <summary>
    /// The certificates compiled into the firmware by <c>certs embed</c>: the CA that signed the server certificate
    /// (always), and the device certificate and key for mutual TLS (only when embedded with <c>--device</c>).
    /// Loaded once at boot so that a broken resource is reported before the first press, not as a handshake error.
    /// </summary>
    public sealed class EmbeddedCredentials
    {
        private EmbeddedCredentials(X509Certificate ca, X509Certificate2 device)
        {
            Ca = ca;
            Device = device;

            // Read once at boot: the subject and expiry the native parser found, for the verification-failure line.
            CaFacts = new EmbeddedCa(ca.Subject, ca.GetExpirationDate());
        }

        /// <summary>The CA the server certificate must chain to.</summary>
        public X509Certificate Ca { get; private set; }

        /// <summary>The device certificate with its key, or null when none is embedded.</summary>
        public X509Certificate2 Device { get; private set; }

        /// <summary>What the board knows of its CA (subject, expiry), handed to the core's failure lines.</summary>
        public EmbeddedCa CaFacts { get; private set; }

        /// <summary>Loads the embedded resources.</summary>
        /// <param name="wantDevice">Whether mutual TLS is configured (a missing device certificate is then an error).</param>
        /// <param name="log">Where problems are reported.</param>
        /// <returns>The credentials, or null when the CA itself is unusable (TLS is then impossible).</returns>
        public static EmbeddedCredentials Load(bool wantDevice, ILog log)
        {
            X509Certificate ca;
            try
            {
                ca = new X509Certificate(Resources.GetBytes(Resources.BinaryResources.CaCertificate));
            }
            catch (Exception ex)
            {
                log.Write(LogLevel.Error, "embedded CA certificate unusable (" + ex.GetType().Name + "): " + TlsDiagnosis.Explain(TlsFailureCause.BadEmbeddedCredential, string.Empty, 0, DateTime.UtcNow));
                return null;
            }

            X509Certificate2 device = null;
            if (wantDevice)
            {
                byte[] certificate = FindOptional("DeviceCertificate");
                byte[] key = FindOptional("DeviceKey");
                if (certificate == null || key == null)
                {
                    log.Write(LogLevel.Error, "UseClientCertificate is on but no device certificate and key are embedded: run dotnet run --project certs/tool -- device --id <id> then dotnet run --project certs/tool -- embed --device, rebuild and deploy");
                }
                else
                {
                    try
                    {
                        device = new X509Certificate2(certificate, key, null);
                    }
                    catch (Exception ex)
                    {
                        log.Write(LogLevel.Error, "embedded device certificate or key unusable (" + ex.GetType().Name + "): " + TlsDiagnosis.Explain(TlsFailureCause.BadEmbeddedCredential, string.Empty, 0, DateTime.UtcNow));
                    }
                }
            }

            return new EmbeddedCredentials(ca, device);
        }

        // The device resources exist only after "certs embed --device", so they are looked up by the ID the
        // nanoFramework build gives their name, not through a designer enum member that may not exist.
        private static byte[] FindOptional(string name)
        {
            try
            {
                object value = nanoFramework.Runtime.Native.ResourceUtility.GetObject(Resources.ResourceManager, (Resources.BinaryResources)ResourceId.FromName(name));
                return value as byte[];
            }
            catch (Exception)
            {
                return null;
            }
        }
    }
}
