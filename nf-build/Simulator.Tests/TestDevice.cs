using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Settings;

namespace WwepSimulator.Tests
{
    /// <summary>Settings, transport and device pointed at a loopback responder, with short timeouts.</summary>
    internal static class TestDevice
    {
        public const int DeviceId = 0x02E8;

        public static WwepSettings Settings(LinkMode mode, int port)
        {
            return new WwepSettings
            {
                ServerHost = "localhost",
                Mode = mode,
                PlainPort = mode == LinkMode.Plain ? port : WwepSettings.DefaultPlainPort,
                TlsPort = mode == LinkMode.Tls ? port : WwepSettings.DefaultTlsPort,
                ConnectTimeoutMilliseconds = 3000,
                ReplyTimeoutMilliseconds = 3000,
                MaxAttempts = 2,
                InitialBackoffMilliseconds = 50,
                MaxBackoffMilliseconds = 100,
            };
        }

        public static HostTransport Transport(WwepSettings settings, X509Certificate2? trustedCa, IClock clock, TextWriter output)
        {
            TlsCredentials? credentials = null;
            if (trustedCa != null)
            {
                // The simulator reads the CA from a PEM file, as the board embeds it: go through the same path.
                string file = Path.Combine(Path.GetTempPath(), "wwep-sim-test-ca-" + Guid.NewGuid().ToString("N") + ".crt.pem");
                File.WriteAllText(file, trustedCa.ExportCertificatePem());
                try
                {
                    credentials = TlsCredentials.Load(file, null, null);
                }
                finally
                {
                    File.Delete(file);
                }
            }

            return new HostTransport(settings, credentials, DeviceId, clock, new ConsoleLog(output), new ExchangeTrace(output));
        }
    }
}
