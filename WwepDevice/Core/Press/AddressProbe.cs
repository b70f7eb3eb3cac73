namespace WwepDevice.Core.Press
{
    /// <summary>The station's network address as the platform reports it now (for the status block).</summary>
    /// <returns>For example <c>192.168.4.7</c>; <c>0.0.0.0</c> or empty without one.</returns>
    public delegate string AddressProbe();
}
