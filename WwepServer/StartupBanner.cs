using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace WwepServer
{
    /// <summary>What the server prints when it has started: where it listens, what it serves, where data goes.</summary>
    public static class StartupBanner
    {
        /// <summary>The banner's lines.</summary>
        /// <param name="host">The running server.</param>
        /// <param name="options">Its settings.</param>
        /// <returns>Printable lines.</returns>
        public static IReadOnlyList<string> Lines(WwepServerHost host, ServerOptions options)
        {
            var lines = new List<string> { "WWEP server started" };
            if (host.PlainEndPoint == null)
            {
                lines.Add(options.PlainEnabled
                    ? "  plain TCP off: --require-client-cert protects devices only on TLS (add --allow-plain to serve it anyway)"
                    : "  plain TCP off (--no-plain)");
            }
            else
            {
                lines.Add("  plain TCP listening on " + PeerName.Format(host.PlainEndPoint));
                if (options.RequireClientCertificate)
                {
                    lines.Add("  WARNING: --allow-plain: plain clients have no certificate and can write any device; mutual TLS protects only TLS clients");
                }
            }

            lines.Add("  TLS listening on " + PeerName.Format(host.TlsEndPoint) + " (TLS 1.2 and 1.3; client certificates "
                + (host.ClientCaSubject != null ? "required, issued by " + host.ClientCaSubject + ")" : "not asked for)"));
            if (host.Web != null)
            {
                lines.Add("  classroom view on http://" + PeerName.Format(host.Web.EndPoint) + "/ (read-only: every board, its LED, registers and last failure, live; JSON at /api/devices)");
                if (options.RosterPath != null)
                {
                    lines.Add("  roster: " + host.Roster.Names.Count + " board name(s) from " + options.RosterPath);
                }
                if (IsAnyAddress(options.BindAddress))
                {
                    // 0.0.0.0 is no address a browser can open: name the ones it can.
                    string pages = string.Join(", ", LanAddresses().Select(address => "http://" + address + ":" + host.Web.EndPoint.Port + "/"));
                    lines.Add("  open it in a browser at: " + (pages.Length > 0 ? pages : "http://localhost:" + host.Web.EndPoint.Port + "/"));
                }
            }
            else
            {
                lines.Add(host.WebProblem != null ? "  classroom view off: " + host.WebProblem : "  classroom view off (--web-port 0)");
            }

            if (host.Mdns != null)
            {
                lines.Add("  mDNS: boards find this server as " + string.Join(" and ", host.Mdns.Names) + " (answered on "
                    + string.Join(", ", host.Mdns.Addresses) + ")");
            }
            else
            {
                lines.Add(host.MdnsProblem != null ? "  " + host.MdnsProblem : "  mDNS off (--no-mdns)");
            }

            if (host.Sntp != null)
            {
                lines.Add("  SNTP time served on UDP " + PeerName.Format(host.Sntp.EndPoint) + " (this machine's clock, stratum "
                    + WwepDevice.Core.Clock.SntpPacket.ServerStratum + ", unauthenticated: boards on this LAN take it before TLS)");
            }
            else
            {
                lines.Add(host.SntpProblem != null ? "  " + host.SntpProblem : "  SNTP off (--sntp-port 0)");
            }

            if (IsAnyAddress(options.BindAddress))
            {
                string addresses = string.Join(", ", LanAddresses());
                lines.Add("  boards reach this machine at: " + (addresses.Length > 0 ? addresses : "no network address found besides loopback"));
            }

            lines.Add("  certificate file: " + options.CertificatePath);
            foreach (string line in host.Certificate.Describe(DateTime.UtcNow))
            {
                lines.Add("  " + line);
            }

            lines.Add("  data: " + host.Store.DatabasePath + " (" + host.Store.RegisterCount + " register(s) stored; a write is answered only once it is on disk)");
            lines.Add("  limits: " + options.MaxConnections + " connections (" + options.MaxConnectionsPerPeer + " per client address), "
                + options.MaxRequestBytes + " bytes per request, " + options.RequestIdleTime.TotalMilliseconds + " ms silence ends a request, "
                + options.FirstByteWait.TotalSeconds + " s first-byte wait (then X), " + options.TlsHandshakeTimeout.TotalSeconds + " s TLS handshake");
            return lines;
        }

        private static bool IsAnyAddress(IPAddress address)
        {
            return address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
        }

        // The machine's own IPv4 addresses other than loopback: what a teacher types into the boards' settings.
        private static IEnumerable<string> LanAddresses()
        {
            try
            {
                return NetworkInterface.GetAllNetworkInterfaces()
                    .Where(nic => nic.OperationalStatus == OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                    .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
                    .Select(unicast => unicast.Address)
                    .Where(address => address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address))
                    .Select(address => address.ToString())
                    .ToList();
            }
            catch (NetworkInformationException)
            {
                return Array.Empty<string>();
            }
        }
    }
}
