namespace WwepDevice.Core.Network
{
    /// <summary>The network came up (true) or went down (false).</summary>
    /// <param name="up">Whether the device now has an IP address.</param>
    public delegate void NetworkStateChanged(bool up);
}
