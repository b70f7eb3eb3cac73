namespace WwepDevice.Core.Network
{
    /// <summary>A DNS lookup: the IPv4 addresses of a host name, empty or an exception when it does not resolve.</summary>
    /// <param name="host">The host name.</param>
    /// <returns>Dotted-quad addresses.</returns>
    public delegate string[] HostLookup(string host);
}
