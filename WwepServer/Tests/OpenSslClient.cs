using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace WwepServer.Tests
{
    /// <summary>
    /// <c>openssl s_client</c>, the tool the course and the troubleshooting threads use, against the server's TLS port:
    /// one line typed with <c>-crlf</c>, everything it printed returned. Bounded in time.
    /// </summary>
    public static class OpenSslClient
    {
        /// <summary>Debian's openssl.</summary>
        public const string Program = "/usr/bin/openssl";

        /// <summary>Whether openssl is installed; when not, says so in the test's output (xunit 2 has no dynamic skip).</summary>
        /// <param name="output">The test's output.</param>
        /// <returns>True when the tests that drive it can run.</returns>
        public static bool Installed(ITestOutputHelper output)
        {
            if (File.Exists(Program))
            {
                return true;
            }

            output.WriteLine("SKIPPED: " + Program + " is not installed (apt-get install -y openssl); the openssl s_client check did not run");
            return false;
        }

        /// <summary>Connects, sends one line, and returns what s_client printed once the server closed.</summary>
        /// <param name="output">The test's output, which gets the command and the result.</param>
        /// <param name="tls">The server's TLS endpoint.</param>
        /// <param name="caPath">The CA the client trusts.</param>
        /// <param name="line">The line to send.</param>
        /// <param name="extra">More s_client options (-tls1_3, -cert ...).</param>
        /// <returns>stdout and stderr.</returns>
        public static async Task<(string StandardOutput, string StandardError)> RunAsync(ITestOutputHelper output, IPEndPoint tls, string caPath, string line, params string[] extra)
        {
            var start = new ProcessStartInfo(Program)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[]
            {
                "s_client", "-connect", "127.0.0.1:" + tls.Port, "-servername", "localhost",
                "-CAfile", caPath, "-verify_return_error", "-verify_hostname", "localhost",
                "-quiet", "-crlf",
            })
            {
                start.ArgumentList.Add(arg);
            }

            foreach (string arg in extra)
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = System.Diagnostics.Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();

            // -crlf turns this "\n" into "\r\n" on the wire; -quiet keeps s_client open until the server closes.
            try
            {
                await process.StandardInput.WriteAsync(line + "\n");
                await process.StandardInput.FlushAsync();
            }
            catch (IOException)
            {
                // s_client already gave up (a failed handshake); what it printed tells why.
            }

            Task exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(WwepTestClient.Bound)) != exited)
            {
                process.Kill();
                throw new TimeoutException("openssl s_client did not finish; stderr: " + await stderr);
            }

            process.StandardInput.Close();
            output.WriteLine("openssl " + string.Join(' ', start.ArgumentList) + " -> " + await stdout + " / " + (await stderr).Trim());
            return (await stdout, await stderr);
        }
    }
}
