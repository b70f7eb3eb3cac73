using System;
using System.CommandLine;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>The command line, the defaults found from the repository root, and the one-line startup errors.</summary>
    public sealed class CommandLineTests
    {
        [Fact]
        public void HelpExplainsEveryOption()
        {
            var commandLine = new ServerCommandLine();
            RootCommand command = commandLine.CreateCommand((_, _) => Task.FromResult(0));
            var output = new StringWriter();
            int exit = command.Parse("--help").Invoke(new InvocationConfiguration { Output = output });

            string help = output.ToString();
            Assert.Equal(0, exit);
            foreach (Option option in command.Options)
            {
                if (option.Name.StartsWith("--", StringComparison.Ordinal) && option.Name != "--version" && option.Name != "--help")
                {
                    Assert.Contains(option.Name, help);
                    Assert.False(string.IsNullOrWhiteSpace(option.Description), option.Name + " has no description");
                }
            }

            Assert.Contains("classroom", help);
            Assert.Contains("27708", help);
            Assert.Contains("40508", help);
            Assert.Contains("certs/server.crt.pem", help);
        }

        [Fact]
        public void EveryOptionReachesTheSettings()
        {
            var commandLine = new ServerCommandLine();
            RootCommand command = commandLine.CreateCommand((_, _) => Task.FromResult(0));
            ParseResult result = command.Parse(new[]
            {
                "--plain-port", "1234", "--tls-port", "5678", "--bind", "127.0.0.1", "--no-plain",
                "--cert", "/x/s.pem", "--key", "/x/k.pem", "--client-ca", "/x/ca.pem", "--require-client-cert",
                "--data", "/x/data", "--max-connections", "7", "--max-request-bytes", "20", "--request-idle-ms", "50",
                "--first-byte-wait", "2.5", "--handshake-timeout", "3", "--max-connections-per-peer", "4", "--allow-plain",
                "--sntp-port", "1123", "--web-port", "8181", "--mdns-name", "lab.local", "--no-mdns", "--roster", "/x/roster.csv",
            });
            Assert.Empty(result.Errors);

            ServerOptions options = commandLine.ToOptions(result, repositoryRoot: null);
            Assert.Equal(1234, options.PlainPort);
            Assert.Equal(5678, options.TlsPort);
            Assert.Equal(IPAddress.Loopback, options.BindAddress);
            Assert.False(options.PlainEnabled);
            Assert.Equal("/x/s.pem", options.CertificatePath);
            Assert.Equal("/x/k.pem", options.KeyPath);
            Assert.Equal("/x/ca.pem", options.ClientCaPath);
            Assert.True(options.RequireClientCertificate);
            Assert.Equal("/x/data", options.DataDirectory);
            Assert.Equal(7, options.MaxConnections);
            Assert.Equal(20, options.MaxRequestBytes);
            Assert.Equal(TimeSpan.FromMilliseconds(50), options.RequestIdleTime);
            Assert.Equal(TimeSpan.FromSeconds(2.5), options.FirstByteWait);
            Assert.Equal(4, options.MaxConnectionsPerPeer);
            Assert.True(options.AllowPlain);
            Assert.Equal(1123, options.SntpPort);
            Assert.Equal(8181, options.WebPort);
            Assert.Equal("/x/roster.csv", options.RosterPath);
            Assert.Equal("lab.local", options.MdnsName);
            Assert.False(options.MdnsEnabled);
            Assert.Equal(TimeSpan.FromSeconds(3), options.TlsHandshakeTimeout);
        }

        [Fact]
        public void TheDefaultsAreTheCourseSetupOnEveryInterface()
        {
            var commandLine = new ServerCommandLine();
            ParseResult result = commandLine.CreateCommand((_, _) => Task.FromResult(0)).Parse(Array.Empty<string>());
            ServerOptions options = commandLine.ToOptions(result, "/repo");
            Assert.Equal(27708, options.PlainPort);
            Assert.Equal(40508, options.TlsPort);
            Assert.Equal(IPAddress.Any, options.BindAddress);
            Assert.True(options.PlainEnabled);
            Assert.Equal("/repo/certs/server.crt.pem", options.CertificatePath);
            Assert.Equal("/repo/certs/server.key.pem", options.KeyPath);
            Assert.Equal(Path.GetFullPath("wwep-data"), options.DataDirectory);
            Assert.Equal(123, options.SntpPort);
            Assert.Equal(8080, options.WebPort);
            Assert.True(options.MdnsEnabled);
            Assert.Equal("wwep.local", options.MdnsName);
            Assert.Equal(TimeSpan.FromSeconds(2), options.FirstByteWait);
            Assert.True(options.MaxConnectionsPerPeer * 5 <= options.MaxConnections, "the per-address cap must be far below the global one");
        }

        [Theory]
        [InlineData("--max-request-bytes 5", "--max-request-bytes must be at least 13, got '5'")]
        [InlineData("--max-connections many", "--max-connections must be at least 1, got 'many'")]
        [InlineData("--bind banana", "--bind needs an IP address such as 0.0.0.0, 127.0.0.1 or ::, got 'banana'")]
        [InlineData("--plain-port 70000", "--plain-port must be 1 to 65535 (0 picks a free port), got '70000'")]
        [InlineData("--plain-port abc", "--plain-port must be 1 to 65535 (0 picks a free port), got 'abc'")]
        [InlineData("--web-port -1", "--web-port must be 1 to 65535 (0 turns it off), got '-1'")]
        [InlineData("--handshake-timeout 0", "--handshake-timeout must be more than 0")]
        [InlineData("--first-byte-wait soon", "--first-byte-wait must be more than 0 and at most 3600 seconds, got 'soon'")]
        public void BadValuesAreNamedWithWhatIsAllowed(string args, string expected)
        {
            var commandLine = new ServerCommandLine();
            ParseResult result = commandLine.CreateCommand((_, _) => Task.FromResult(0)).Parse(args);
            Assert.Contains(result.Errors, error => error.Message.Contains(expected, StringComparison.Ordinal));
        }

        // The issue: "--plain-port abc" crashed with an unhandled exception and a stack trace.
        [Fact]
        public async Task ABadNumberIsOneLineOnStandardErrorWithoutHelpOrStackTrace()
        {
            var (exit, stdout, stderr) = await ServerProcess.RunToExitAsync(Directory.GetCurrentDirectory(), "--plain-port", "abc");
            Assert.Equal(1, exit);
            Assert.Equal("error: --plain-port must be 1 to 65535 (0 picks a free port), got 'abc' (see --help)", stderr.Trim());
            Assert.Equal(string.Empty, stdout.Trim());
        }

        // Asked for by name, a web port another program holds stops the start: one line, no ASP.NET stack trace before it.
        [Fact]
        public async Task AWebPortInUseIsOneLineAndExitsNonZero()
        {
            using Socket holder = FreePorts.HoldTcp(out int port);
            string data = TestServer.NewDataFolder();
            try
            {
                var (exit, stdout, stderr) = await ServerProcess.RunToExitAsync(
                    Directory.GetCurrentDirectory(), "--bind", "127.0.0.1", "--plain-port", "0", "--tls-port", "0", "--web-port", port.ToString(),
                    "--data", data, "--cert", TestPki.Shared.ServerCertificatePath, "--key", TestPki.Shared.ServerKeyPath);
                Assert.Equal(2, exit);
                string error = stderr.Trim();
                Assert.DoesNotContain("\n", error);
                Assert.StartsWith("error: cannot listen on 127.0.0.1:" + port + " for the classroom view", error);
                Assert.Contains("--web-port", error);
                Assert.Equal(string.Empty, stdout.Trim());
            }
            finally
            {
                if (Directory.Exists(data))
                {
                    Directory.Delete(data, recursive: true);
                }
            }
        }

        [Fact]
        public void TheWebPortIsRequiredOnlyWhenAskedForByName()
        {
            var commandLine = new ServerCommandLine();
            RootCommand command = commandLine.CreateCommand((_, _) => Task.FromResult(0));
            Assert.False(commandLine.ToOptions(command.Parse(Array.Empty<string>()), "/repo").WebPortRequired);
            Assert.True(commandLine.ToOptions(command.Parse("--web-port 8080"), "/repo").WebPortRequired);
        }

        // "certs init" refuses when a CA exists: with the CA in certs/, the fix is "server" alone.
        [Fact]
        public async Task AMissingCertificateBesideAnExistingCaNamesOnlyTheServerCommand()
        {
            string repo = FakeRepository();
            try
            {
                File.Copy(TestPki.Shared.CaPath, Path.Combine(repo, "certs", "ca.crt.pem"));
                File.WriteAllText(Path.Combine(repo, "certs", "ca.key.pem"), "TEST ONLY: the advice only looks whether it is there");
                var (exit, _, stderr) = await ServerProcess.RunToExitAsync(Path.Combine(repo, "WwepServer"), "--plain-port", "0", "--tls-port", "0", "--bind", "127.0.0.1");
                Assert.Equal(2, exit);
                string error = stderr.Trim();
                Assert.DoesNotContain("\n", error);
                Assert.StartsWith("error: server certificate not found: " + Path.Combine(repo, "certs", "server.crt.pem"), error);
                Assert.Contains("the CA is there", error);
                Assert.Contains("make it with: dotnet run --project certs/tool -- server ", error);
                Assert.DoesNotContain("-- init", error);
            }
            finally
            {
                Directory.Delete(repo, recursive: true);
            }
        }

        [Fact]
        public async Task AMissingDefaultCertificateGivesOneLineNamingTheFileAndTheCommands()
        {
            string repo = FakeRepository();
            try
            {
                var (exit, stdout, stderr) = await ServerProcess.RunToExitAsync(Path.Combine(repo, "WwepServer"), "--plain-port", "0", "--tls-port", "0", "--bind", "127.0.0.1");
                Assert.Equal(2, exit);
                string error = stderr.Trim();
                Assert.DoesNotContain("\n", error);
                Assert.StartsWith("error: server certificate not found: " + Path.Combine(repo, "certs", "server.crt.pem"), error);
                Assert.Contains("dotnet run --project certs/tool -- init", error);
                Assert.Contains("dotnet run --project certs/tool -- server", error);
                Assert.DoesNotContain("listening", stdout);
            }
            finally
            {
                Directory.Delete(repo, recursive: true);
            }
        }

        [Fact]
        public async Task WithNoCertificateOptionsTheServerUsesTheRepositoryCertsAndPrintsWhatItServes()
        {
            string repo = FakeRepository();
            try
            {
                File.Copy(TestPki.Shared.ServerCertificatePath, Path.Combine(repo, "certs", "server.crt.pem"));
                File.Copy(TestPki.Shared.ServerKeyPath, Path.Combine(repo, "certs", "server.key.pem"));
                string workingDirectory = Path.Combine(repo, "WwepServer");
                using (ServerProcess server = await ServerProcess.StartInAsync(workingDirectory, "--plain-port", "0", "--tls-port", "0", "--bind", "127.0.0.1"))
                {
                    Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(server.Tls, "W0FAC0B1234", tls: true));
                    string banner = server.Output;
                    Assert.Contains("certificate file: " + Path.Combine(repo, "certs", "server.crt.pem"), banner);
                    Assert.Contains("certificate subject: CN=localhost", banner);
                    Assert.Contains("certificate SAN: DNS:localhost, IP:127.0.0.1", banner);
                    Assert.Contains(TestPki.Shared.ServerCertificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd HH:mm") + " UTC", banner);
                    Assert.Contains("data: " + Path.Combine(workingDirectory, "wwep-data", RegisterStore.DatabaseFileName), banner);
                }
            }
            finally
            {
                Directory.Delete(repo, recursive: true);
            }
        }

        [Fact]
        public void APortInUseIsNamedWithTheOptionThatChangesIt()
        {
            using Socket squatter = FreePorts.HoldTcp(out int port);

            StartupException error = Assert.Throws<StartupException>(() => TestServer.Start(configure: o => o.PlainPort = port));
            Assert.Contains("cannot listen on 127.0.0.1:" + port, error.Message);
            Assert.Contains("--plain-port", error.Message);
        }

        [Fact]
        public void AKeyThatDoesNotMatchTheCertificateIsNamed()
        {
            using var other = new TestPki("WWEP TEST ONLY other CA");
            StartupException error = Assert.Throws<StartupException>(() => TestServer.Start(configure: o => o.KeyPath = other.ServerKeyPath));
            Assert.Contains("cannot use server certificate " + TestPki.Shared.ServerCertificatePath + " with key " + other.ServerKeyPath, error.Message);
            Assert.DoesNotContain("\n", error.Message);
        }

        [Fact]
        public async Task WithoutThePlainPortOnlyTlsIsServed()
        {
            await using var server = TestServer.Start(configure: o => o.PlainEnabled = false);
            Assert.Null(server.Host.PlainEndPoint);
            Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(server.Tls, "W0FAC0B1234", tls: true));
        }

        private static string FakeRepository()
        {
            string repo = Path.Combine(Path.GetTempPath(), "wwep-test-repo-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(repo, "certs"));
            Directory.CreateDirectory(Path.Combine(repo, "WwepServer"));
            File.WriteAllText(Path.Combine(repo, RepositoryRoot.MarkerFile), string.Empty);
            return repo;
        }
    }
}
