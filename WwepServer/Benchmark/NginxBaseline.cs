using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace WwepServer.Benchmark
{
    /// <summary>
    /// The baseline: nginx's stream module answering every connection with a fixed 11-byte reply (<c>return</c>), plain
    /// and TLS, on loopback high ports, from a temporary configuration; stopped afterwards.
    /// </summary>
    public static class NginxBaseline
    {
        /// <summary>Where Debian installs nginx.</summary>
        public const string NginxPath = "/usr/sbin/nginx";

        /// <summary>Debian's dynamic stream module (libnginx-mod-stream).</summary>
        public const string StreamModulePath = "/usr/lib/nginx/modules/ngx_stream_module.so";

        /// <summary>The fixed reply.</summary>
        public const string FixedReply = "A0FAC0B1234";

        /// <summary>Why nginx cannot be used here, or null when it can.</summary>
        /// <returns>A one-line reason with the fix.</returns>
        public static string? Missing()
        {
            if (!File.Exists(NginxPath))
            {
                return "nginx is not installed (" + NginxPath + "): apt-get update && apt-get install -y nginx libnginx-mod-stream";
            }

            if (!File.Exists(StreamModulePath))
            {
                return "nginx's stream module is missing (" + StreamModulePath + "): apt-get install -y libnginx-mod-stream";
            }

            return null;
        }

        /// <summary>Starts nginx (workers = cores, no access log) and waits until both ports accept.</summary>
        /// <param name="folder">Temporary folder for the configuration, pid and logs.</param>
        /// <param name="certificatePath">Server certificate PEM (the WWEP server's).</param>
        /// <param name="keyPath">Its key.</param>
        /// <returns>The running nginx and its plain and TLS endpoints.</returns>
        public static async Task<(ChildProcess Nginx, IPEndPoint Plain, IPEndPoint Tls)> StartAsync(string folder, string certificatePath, string keyPath)
        {
            var plain = new IPEndPoint(IPAddress.Loopback, FreePort());
            var tls = new IPEndPoint(IPAddress.Loopback, FreePort());
            string config = Path.Combine(folder, "nginx.conf");
            File.WriteAllText(config, string.Join('\n', new[]
            {
                "load_module " + StreamModulePath + ";",
                "daemon off;",
                "worker_processes auto;",
                "pid " + Path.Combine(folder, "nginx.pid") + ";",
                "error_log " + Path.Combine(folder, "nginx-error.log") + " warn;",
                "events { worker_connections 4096; }",
                "stream {",
                "  server { listen " + plain + " backlog=1024; return \"" + FixedReply + "\"; }",
                "  server {",
                "    listen " + tls + " ssl backlog=1024;",
                "    ssl_certificate " + certificatePath + ";",
                "    ssl_certificate_key " + keyPath + ";",
                "    ssl_protocols TLSv1.2 TLSv1.3;",
                "    return \"" + FixedReply + "\";",
                "  }",
                "}",
                string.Empty,
            }));

            ChildProcess nginx = ChildProcess.Start(NginxPath, Path.Combine(folder, "nginx-output.log"), "-c", config, "-p", folder, "-e", Path.Combine(folder, "nginx-error.log"));
            DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            while (!(Accepts(plain) && Accepts(tls)))
            {
                if (nginx.HasExited || DateTime.UtcNow > deadline)
                {
                    string errors = File.Exists(Path.Combine(folder, "nginx-error.log")) ? File.ReadAllText(Path.Combine(folder, "nginx-error.log")) : string.Empty;
                    nginx.Dispose();
                    throw new InvalidOperationException("nginx did not start: " + nginx.Output + errors);
                }

                await Task.Delay(50);
            }

            return (nginx, plain, tls);
        }

        private static int FreePort()
        {
            using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        private static bool Accepts(IPEndPoint endPoint)
        {
            try
            {
                using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(endPoint);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
