namespace WwepDevice.Core.Network
{
    /// <summary>Reads the Wi-Fi station's IPv4 address as the platform reports it ("0.0.0.0" or empty when it has none).</summary>
    /// <returns>The address text.</returns>
    public delegate string StationAddressReader();
}
