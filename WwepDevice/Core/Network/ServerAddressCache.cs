using System;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;

namespace WwepDevice.Core.Network
{
    /// <summary>
    /// The server's address, looked up once per network-up. On the board <c>Dns.GetHostEntry</c> is lwIP's blocking
    /// <c>getaddrinfo</c> and stops every managed thread while it waits (nanoframework.md, "Network behaviour on
    /// ESP32"), so a retry never looks the name up again: a found address is kept until the network goes down, and a
    /// failed lookup sends every attempt to <see cref="WwepSettings.ServerFallbackIp"/> at once. Without a fallback the
    /// name is tried again only after <see cref="RelookupAfterFailureMilliseconds"/>.
    /// </summary>
    public sealed class ServerAddressCache
    {
        /// <summary>How long a failed lookup without fallback is trusted before the name is looked up again.</summary>
        public const int RelookupAfterFailureMilliseconds = 60000;

        private readonly object _sync = new object();
        private readonly WwepSettings _settings;
        private readonly HostLookup _lookup;
        private readonly IClock _clock;
        private readonly ILog _log;
        private string _address;
        private bool _failed;
        private bool _viaFallback;
        private DateTime _failedAtUtc;
        private int _lookups;

        /// <summary>Creates the cache.</summary>
        /// <param name="settings">Host name and fallback IP.</param>
        /// <param name="lookup">The platform's DNS lookup.</param>
        /// <param name="clock">Times a failed lookup.</param>
        /// <param name="log">Told once when the fallback takes over.</param>
        public ServerAddressCache(WwepSettings settings, HostLookup lookup, IClock clock, ILog log)
        {
            _settings = settings;
            _lookup = lookup;
            _clock = clock;
            _log = log;
        }

        /// <summary>DNS lookups made so far.</summary>
        public int Lookups
        {
            get
            {
                lock (_sync)
                {
                    return _lookups;
                }
            }
        }

        /// <summary>The address in use and how it was found, for the status block.</summary>
        public string Description
        {
            get
            {
                string host = _settings.ServerHost;
                if (WwepSettings.IsIPv4(host))
                {
                    return host + " (ServerHost is an address)";
                }

                lock (_sync)
                {
                    if (_address != null)
                    {
                        return _viaFallback
                            ? _address + " (ServerFallbackIp: '" + host + "' did not resolve)"
                            : _address + " ('" + host + "' found by DNS)";
                    }

                    return _failed
                        ? "none: '" + host + "' did not resolve and no ServerFallbackIp is set"
                        : "not looked up yet: '" + host + "' is looked up at the next send";
                }
            }
        }

        /// <summary>Forgets the address: the network went down or came back, so the next use looks the name up once.</summary>
        public void Forget()
        {
            lock (_sync)
            {
                _address = null;
                _failed = false;
                _viaFallback = false;
            }
        }

        /// <summary>The address to connect to now.</summary>
        /// <returns>A dotted-quad IPv4 address.</returns>
        /// <exception cref="WwepTransportException">The name does not resolve and there is no fallback.</exception>
        public string Resolve()
        {
            string host = _settings.ServerHost;
            if (WwepSettings.IsIPv4(host))
            {
                return host;
            }

            lock (_sync)
            {
                if (_address != null)
                {
                    return _address;
                }

                if (_failed && !HasFallback() && (_clock.UtcNow - _failedAtUtc).Ticks >= RelookupAfterFailureMilliseconds * TimeSpan.TicksPerMillisecond)
                {
                    _failed = false;
                }

                if (!_failed)
                {
                    _lookups++;
                    string found = LookUpIPv4(host);
                    if (found != null)
                    {
                        _address = found;
                        return found;
                    }

                    _failed = true;
                    _failedAtUtc = _clock.UtcNow;
                }

                if (HasFallback())
                {
                    // Said once per network-up: every later attempt goes to the fallback without a word.
                    _log.Write(LogLevel.Warning, TransportMessages.UsingFallback(host, _settings.ServerFallbackIp));
                    _address = _settings.ServerFallbackIp;
                    _viaFallback = true;
                    return _address;
                }

                throw new WwepTransportException(TransportFailure.NameNotResolved, TransportMessages.NameNotResolved(host));
            }
        }

        private bool HasFallback()
        {
            return _settings.ServerFallbackIp != null && _settings.ServerFallbackIp.Length > 0;
        }

        private string LookUpIPv4(string host)
        {
            string[] found;
            try
            {
                found = _lookup(host);
            }
            catch (Exception)
            {
                // A failed lookup and an empty answer mean the same here: the name is not usable now.
                return null;
            }

            if (found == null)
            {
                return null;
            }

            for (int i = 0; i < found.Length; i++)
            {
                if (WwepSettings.IsIPv4(found[i]))
                {
                    return found[i];
                }
            }

            return null;
        }
    }
}
