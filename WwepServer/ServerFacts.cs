using System;
using System.Globalization;
using System.Net;

namespace WwepServer
{
    /// <summary>
    /// The ports and names this server really serves, for the fix texts: a student told "the plain port" needs the
    /// number this server listens on, not the course's default, when the teacher started it on other ports. The
    /// catalog's texts carry tokens (<see cref="PlainPortToken"/>...) and <see cref="Fill"/> puts the facts in.
    /// </summary>
    public sealed class ServerFacts
    {
        /// <summary>Stands for the plain port in a fix.</summary>
        public const string PlainPortToken = "{plain-port}";

        /// <summary>Stands for the TLS port in a fix.</summary>
        public const string TlsPortToken = "{tls-port}";

        /// <summary>Stands for where the classroom view is (or that it is off) in a fix.</summary>
        public const string WebToken = "{web}";

        /// <summary>Stands for this server's SNTP (or that it is off) in a fix.</summary>
        public const string SntpToken = "{sntp}";

        /// <summary>Stands for the names the boards can connect to (mDNS) in a fix.</summary>
        public const string NamesToken = "{names}";

        /// <summary>Stands for this server's address in a fix (kept as words when it listens on every interface).</summary>
        public const string AddressToken = "{address}";

        /// <summary>Creates the facts.</summary>
        /// <param name="bind">The address WWEP and its helpers listen on.</param>
        /// <param name="plainPort">The plain port served, or null when there is none.</param>
        /// <param name="tlsPort">The TLS port served.</param>
        /// <param name="webPort">The classroom view's port, or null when it is off.</param>
        /// <param name="sntpPort">The SNTP port answered, or null when it is off.</param>
        /// <param name="mdnsName">The name announced over mDNS, or null when mDNS is off.</param>
        public ServerFacts(IPAddress bind, int? plainPort, int tlsPort, int? webPort, int? sntpPort, string? mdnsName)
        {
            Bind = bind;
            PlainPort = plainPort;
            TlsPort = tlsPort;
            WebPort = webPort;
            SntpPort = sntpPort;
            MdnsName = mdnsName;
        }

        /// <summary>A server started with every default (what a fix says before the real ports are known).</summary>
        public static ServerFacts Defaults { get; } = new ServerFacts(IPAddress.Any, ServerOptions.DefaultPlainPort, ServerOptions.DefaultTlsPort,
            ServerOptions.DefaultWebPort, ServerOptions.DefaultSntpPort, ServerOptions.DefaultMdnsName);

        /// <summary>The address WWEP listens on.</summary>
        public IPAddress Bind { get; }

        /// <summary>The plain port served, or null.</summary>
        public int? PlainPort { get; }

        /// <summary>The TLS port served.</summary>
        public int TlsPort { get; }

        /// <summary>The classroom view's port, or null.</summary>
        public int? WebPort { get; }

        /// <summary>The SNTP port, or null.</summary>
        public int? SntpPort { get; }

        /// <summary>The mDNS name, or null.</summary>
        public string? MdnsName { get; }

        /// <summary>The facts of a server as its options ask, before it binds (port 0 stays unknown until then).</summary>
        /// <param name="options">The options.</param>
        /// <returns>The facts.</returns>
        public static ServerFacts FromOptions(ServerOptions options)
        {
            return new ServerFacts(options.BindAddress, options.ServesPlain ? options.PlainPort : (int?)null, options.TlsPort,
                options.WebPort > 0 ? options.WebPort : (int?)null, options.SntpPort > 0 ? options.SntpPort : (int?)null,
                options.MdnsEnabled ? options.MdnsName : null);
        }

        /// <summary>The same facts with the ports the sockets really got and the helpers that really run.</summary>
        /// <param name="plainPort">The bound plain port, or null.</param>
        /// <param name="tlsPort">The bound TLS port.</param>
        /// <param name="webPort">The view's port, or null when it does not run.</param>
        /// <param name="sntpRuns">Whether SNTP is answered.</param>
        /// <param name="mdnsRuns">Whether mDNS is answered.</param>
        /// <returns>The new facts.</returns>
        public ServerFacts Served(int? plainPort, int tlsPort, int? webPort, bool sntpRuns, bool mdnsRuns)
        {
            return new ServerFacts(Bind, plainPort, tlsPort, webPort, sntpRuns ? SntpPort : null, mdnsRuns ? MdnsName : null);
        }

        /// <summary>Puts these facts into a fix text's tokens.</summary>
        /// <param name="fix">A catalog fix.</param>
        /// <returns>The fix with this server's ports and names.</returns>
        public string Fill(string fix)
        {
            string address = IsEveryInterface ? "<this server's address>" : Bind.ToString();
            string host = IsEveryInterface ? "<this server>" : (Bind.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + Bind + "]" : Bind.ToString());
            return fix
                .Replace(PlainPortToken, PlainPort != null ? Number(PlainPort.Value) : "none on this server: it was started with --require-client-cert and without --allow-plain", StringComparison.Ordinal)
                .Replace(TlsPortToken, Number(TlsPort), StringComparison.Ordinal)
                .Replace(WebToken, WebPort != null ? "at http://" + host + ":" + Number(WebPort.Value) + "/" : "off on this server (--web-port 0)", StringComparison.Ordinal)
                .Replace(SntpToken, SntpPort != null ? "UDP " + Number(SntpPort.Value) : "off on this server: start it with --sntp-port 123", StringComparison.Ordinal)
                .Replace(NamesToken, MdnsName != null ? "this server announces " + MdnsName : "this server announces no name (mDNS off)", StringComparison.Ordinal)
                .Replace(AddressToken, address, StringComparison.Ordinal);
        }

        private bool IsEveryInterface
        {
            get { return Bind.Equals(IPAddress.Any) || Bind.Equals(IPAddress.IPv6Any); }
        }

        private static string Number(int port)
        {
            return port.ToString(CultureInfo.InvariantCulture);
        }
    }
}
