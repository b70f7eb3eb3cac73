namespace WwepDevice.Esp32
{
    /// <summary>The network came up (true) or went down (false).</summary>
    /// <param name="up">Whether the device now has an address and a set clock.</param>
    public delegate void NetworkStateChanged(bool up);
}
