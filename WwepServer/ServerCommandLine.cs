using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Net;
using Microsoft.Extensions.Logging;

namespace WwepServer
{
    /// <summary>
    /// The command line: every option of <see cref="ServerOptions"/> with its default and a sentence for --help.
    /// With no options at all the server runs the course's setup: plain 27708 and TLS 40508 on every interface,
    /// the certificate from the repository's certs/ folder, data in ./wwep-data.
    /// </summary>
    public sealed class ServerCommandLine
    {
        /// <summary>The plain port.</summary>
        public Option<int> PlainPort { get; } = PortOption("--plain-port", ServerOptions.DefaultPlainPort, "Plain TCP port (the course's 27708).");

        /// <summary>The TLS port.</summary>
        public Option<int> TlsPort { get; } = PortOption("--tls-port", ServerOptions.DefaultTlsPort, "TLS port (the course's 40508).");

        /// <summary>The bind address.</summary>
        public Option<IPAddress> Bind { get; } = new Option<IPAddress>("--bind")
        {
            Description = "Address to listen on. The default 0.0.0.0 means every IPv4 interface, so boards on the classroom "
                + "LAN (and its Wi-Fi) can reach this machine; 127.0.0.1 keeps the server to this machine, :: adds IPv6.",
            HelpName = "address",
            DefaultValueFactory = _ => IPAddress.Any,
            CustomParser = ParseAddress,
        };

        /// <summary>Switches the plain port off.</summary>
        public Option<bool> NoPlain { get; } = new Option<bool>("--no-plain")
        {
            Description = "Serve TLS only (plain TCP carries no identity and no secrecy).",
        };

        /// <summary>Server certificate file.</summary>
        public Option<FileInfo> Certificate { get; } = new Option<FileInfo>("--cert")
        {
            Description = "Server certificate, PEM (a chain may follow it). Default: certs/server.crt.pem in the repository.",
            HelpName = "file",
        };

        /// <summary>Server key file.</summary>
        public Option<FileInfo> Key { get; } = new Option<FileInfo>("--key")
        {
            Description = "The server certificate's private key, unencrypted PEM. Default: certs/server.key.pem in the repository.",
            HelpName = "file",
        };

        /// <summary>CA for client certificates.</summary>
        public Option<FileInfo> ClientCa { get; } = new Option<FileInfo>("--client-ca")
        {
            Description = "CA certificate (PEM) that client certificates must chain to; only this file is trusted, not the "
                + "system's store. Default: certs/ca.crt.pem in the repository. Used with --require-client-cert.",
            HelpName = "file",
        };

        /// <summary>Mutual TLS.</summary>
        public Option<bool> RequireClientCert { get; } = new Option<bool>("--require-client-cert")
        {
            Description = "Mutual TLS: TLS clients must present a certificate issued by --client-ca, and a certificate "
                + "with CN=0FAC may read and write device 0FAC only (anything else gets X).",
        };

        /// <summary>Data folder.</summary>
        public Option<DirectoryInfo> Data { get; } = new Option<DirectoryInfo>("--data")
        {
            Description = "Folder for the register database (created when missing).",
            HelpName = "folder",
            DefaultValueFactory = _ => new DirectoryInfo(ServerOptions.DefaultDataDirectory),
        };

        /// <summary>Connection limit.</summary>
        public Option<int> MaxConnections { get; } = PositiveOption("--max-connections", 1000, 1, "Connections open at once, both ports together; more are closed at once, with a log line.");

        /// <summary>Request size limit.</summary>
        public Option<int> MaxRequestBytes { get; } = PositiveOption("--max-request-bytes", 64, 13, "Bytes one request may have before it is answered X (a legal one has 13 at most, with its line end).");

        /// <summary>Idle time inside a request.</summary>
        public Option<int> RequestIdleMs { get; } = PositiveOption("--request-idle-ms", 100, 1, "Once a request has started, this much silence (milliseconds) ends it, as in the course's server.");

        /// <summary>Per-address connection limit.</summary>
        public Option<int> MaxConnectionsPerPeer { get; } = PositiveOption("--max-connections-per-peer", 100, 1, "Connections open at once from one client address; more are closed at once, with a log line, so one machine cannot lock the others out.");

        /// <summary>The wait for the first byte.</summary>
        public Option<double> FirstByteWait { get; } = SecondsOption("--first-byte-wait", 2, "Seconds a connection may stay silent before its first byte (on TLS: after the handshake); then it is answered X and closed, as the course's server does.");

        /// <summary>Plain port alongside mutual TLS.</summary>
        public Option<bool> AllowPlain { get; } = new Option<bool>("--allow-plain")
        {
            Description = "With --require-client-cert, serve the plain port too. Plain TCP has no identity: a plain client can write any device.",
        };

        /// <summary>The classroom view's port.</summary>
        public Option<int> WebPort { get; } = PortOption("--web-port", ServerOptions.DefaultWebPort, "HTTP port of the read-only classroom view: every device's LED and registers, live (open http://<this machine>:<port>/ in a browser; GET /api/devices gives JSON); 0 turns it off.", zeroMeansOff: true);

        /// <summary>Names for the boards.</summary>
        public Option<FileInfo> Roster { get; } = new Option<FileInfo>("--roster")
        {
            Description = "CSV file of lines 'device ID,name' (for example 0FAC,Ada; a header line is allowed): the classroom view "
                + "shows each name on its board's card and in /api/devices, and counts the boards on it not seen yet.",
            HelpName = "file",
        };

        /// <summary>The mDNS name.</summary>
        public Option<string> MdnsName { get; } = new Option<string>("--mdns-name")
        {
            Description = "Name announced over mDNS (with this machine's own <host>.local), so boards find the server with no address typed. "
                + "The firmware's default server name is wwep.local, and the server certificate must name it.",
            HelpName = "name",
            DefaultValueFactory = _ => ServerOptions.DefaultMdnsName,
        };

        /// <summary>Switches mDNS off.</summary>
        public Option<bool> NoMdns { get; } = new Option<bool>("--no-mdns")
        {
            Description = "Do not answer mDNS queries (boards then need the server's address, or a DNS name).",
        };

        /// <summary>The SNTP port.</summary>
        public Option<int> SntpPort { get; } = PortOption("--sntp-port", ServerOptions.DefaultSntpPort, "UDP port answering SNTP time requests (RFC 4330), so boards get a clock before TLS on a network without internet; 0 turns it off. Port 123 needs root or cap_net_bind_service.", zeroMeansOff: true);

        /// <summary>TLS handshake limit.</summary>
        public Option<double> HandshakeTimeout { get; } = SecondsOption("--handshake-timeout", 5, "Seconds a TLS handshake may take; a client that stalls is dropped without disturbing others.");

        /// <summary>Log level.</summary>
        public Option<LogLevel> LogLevel { get; } = new Option<LogLevel>("--log-level")
        {
            Description = "Least important log events shown: Trace, Debug, Information, Warning, Error.",
            HelpName = "level",
            DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Information,
        };

        /// <summary>Builds the root command with all options and the given action.</summary>
        /// <param name="action">Runs the server with the parsed options.</param>
        /// <returns>The command.</returns>
        public RootCommand CreateCommand(Func<ParseResult, System.Threading.CancellationToken, System.Threading.Tasks.Task<int>> action)
        {
            var command = new RootCommand(
                "WWEP server (WW101 course, chapter 6): plain TCP and TLS at once, one request per connection, "
                + "registers kept on disk. Press Ctrl+C to stop.")
            {
                PlainPort, TlsPort, Bind, NoPlain, Certificate, Key, ClientCa, RequireClientCert, Data,
                MaxConnections, MaxConnectionsPerPeer, MaxRequestBytes, RequestIdleMs, FirstByteWait, HandshakeTimeout, AllowPlain, WebPort, Roster, SntpPort, MdnsName, NoMdns, LogLevel,
            };
            command.SetAction(action);
            return command;
        }

        /// <summary>
        /// Turns a parse result into settings, resolving the default certificate files against the repository root.
        /// </summary>
        /// <param name="result">A successful parse.</param>
        /// <param name="repositoryRoot">The repository root (see <see cref="RepositoryRoot"/>), or null when unknown.</param>
        /// <returns>The settings.</returns>
        /// <exception cref="StartupException">A default file is needed but the repository root is unknown.</exception>
        public ServerOptions ToOptions(ParseResult result, string? repositoryRoot)
        {
            bool requireClientCert = result.GetValue(RequireClientCert);
            return new ServerOptions
            {
                PlainPort = result.GetValue(PlainPort),
                TlsPort = result.GetValue(TlsPort),
                BindAddress = result.GetValue(Bind) ?? IPAddress.Any,
                PlainEnabled = !result.GetValue(NoPlain),
                CertificatePath = FileOrDefault(result.GetValue(Certificate), repositoryRoot, "server.crt.pem", "--cert"),
                KeyPath = FileOrDefault(result.GetValue(Key), repositoryRoot, "server.key.pem", "--key"),
                ClientCaPath = requireClientCert ? FileOrDefault(result.GetValue(ClientCa), repositoryRoot, "ca.crt.pem", "--client-ca") : string.Empty,
                RequireClientCertificate = requireClientCert,
                DataDirectory = (result.GetValue(Data) ?? new DirectoryInfo(ServerOptions.DefaultDataDirectory)).FullName,
                MaxConnections = result.GetValue(MaxConnections),
                MaxRequestBytes = result.GetValue(MaxRequestBytes),
                RequestIdleTime = TimeSpan.FromMilliseconds(result.GetValue(RequestIdleMs)),
                MaxConnectionsPerPeer = result.GetValue(MaxConnectionsPerPeer),
                FirstByteWait = TimeSpan.FromSeconds(result.GetValue(FirstByteWait)),
                AllowPlain = result.GetValue(AllowPlain),
                SntpPort = result.GetValue(SntpPort),
                WebPort = result.GetValue(WebPort),
                WebPortRequired = result.GetResult(WebPort) is OptionResult web && !web.Implicit,
                RosterPath = result.GetValue(Roster)?.FullName,
                MdnsEnabled = !result.GetValue(NoMdns),
                MdnsName = result.GetValue(MdnsName) ?? ServerOptions.DefaultMdnsName,
                TlsHandshakeTimeout = TimeSpan.FromSeconds(result.GetValue(HandshakeTimeout)),
            };
        }

        private static string FileOrDefault(FileInfo? given, string? repositoryRoot, string defaultName, string optionName)
        {
            if (given != null)
            {
                return given.FullName;
            }

            if (repositoryRoot == null)
            {
                throw new StartupException(
                    "cannot find the repository root (the folder holding " + RepositoryRoot.MarkerFile + ") above "
                    + Directory.GetCurrentDirectory() + " to find certs/" + defaultName + "; run from inside the repository or pass " + optionName);
            }

            return Path.Combine(repositoryRoot, "certs", defaultName);
        }

        private static Option<int> PortOption(string name, int defaultPort, string description, bool zeroMeansOff = false)
        {
            string allowed = "1 to 65535" + (zeroMeansOff ? " (0 turns it off)" : " (0 picks a free port)");
            return new Option<int>(name)
            {
                Description = description,
                HelpName = "port",
                DefaultValueFactory = _ => defaultPort,
                CustomParser = result => ParseNumber(result, name, allowed, 0, 65535, defaultPort),
            };
        }

        private static Option<int> PositiveOption(string name, int defaultValue, int minimum, string description)
        {
            return new Option<int>(name)
            {
                Description = description,
                HelpName = "n",
                DefaultValueFactory = _ => defaultValue,
                CustomParser = result => ParseNumber(result, name, "at least " + minimum, minimum, int.MaxValue, defaultValue),
            };
        }

        private static Option<double> SecondsOption(string name, double defaultSeconds, string description)
        {
            return new Option<double>(name)
            {
                Description = description,
                HelpName = "seconds",
                DefaultValueFactory = _ => defaultSeconds,
                CustomParser = result =>
                {
                    string text = TokenOf(result);
                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && value <= 3600)
                    {
                        return value;
                    }

                    result.AddError(name + " must be more than 0 and at most 3600 seconds, got '" + text + "'");
                    return defaultSeconds;
                },
            };
        }

        // A number option read here rather than by System.CommandLine's converter: its validators cannot see a value that
        // did not convert (they throw), and its own message names a .NET type instead of what is allowed.
        private static int ParseNumber(ArgumentResult result, string name, string allowed, int minimum, int maximum, int fallback)
        {
            string text = TokenOf(result);
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= minimum && value <= maximum)
            {
                return value;
            }

            result.AddError(name + " must be " + allowed + ", got '" + text + "'");
            return fallback;
        }

        private static string TokenOf(ArgumentResult result)
        {
            return result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        }

        private static IPAddress ParseAddress(ArgumentResult result)
        {
            string text = TokenOf(result);
            if (IPAddress.TryParse(text, out IPAddress? address))
            {
                return address;
            }

            result.AddError("--bind needs an IP address such as 0.0.0.0, 127.0.0.1 or ::, got '" + text + "'");
            return IPAddress.Any;
        }
    }
}
