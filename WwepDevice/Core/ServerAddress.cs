using System;

namespace WwepDevice.Core
{
    /// <summary>Chooses the address to connect to: the server name's DNS answer, else the fallback IP, else a clear error.</summary>
    public static class ServerAddress
    {
        /// <summary>Resolves <see cref="WwepSettings.ServerHost"/>.</summary>
        /// <param name="settings">Host name and fallback IP.</param>
        /// <param name="lookup">The platform's DNS lookup.</param>
        /// <param name="log">Told when the fallback is used.</param>
        /// <returns>A dotted-quad IPv4 address.</returns>
        /// <exception cref="WwepTransportException">The name does not resolve and there is no fallback.</exception>
        public static string Choose(WwepSettings settings, HostLookup lookup, ILog log)
        {
            string host = settings.ServerHost;
            if (WwepSettings.IsIPv4(host))
            {
                return host;
            }

            string[] found = null;
            try
            {
                found = lookup(host);
            }
            catch (Exception)
            {
                // A failed lookup and an empty answer mean the same thing here: use the fallback.
                found = null;
            }

            if (found != null)
            {
                for (int i = 0; i < found.Length; i++)
                {
                    if (WwepSettings.IsIPv4(found[i]))
                    {
                        return found[i];
                    }
                }
            }

            string fallback = settings.ServerFallbackIp;
            if (fallback != null && fallback.Length > 0)
            {
                log.Write(LogLevel.Warning, TransportMessages.UsingFallback(host, fallback));
                return fallback;
            }

            throw new WwepTransportException(TransportFailure.NameNotResolved, TransportMessages.NameNotResolved(host));
        }
    }
}
