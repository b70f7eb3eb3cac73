namespace WwepDevice.Core.Network
{
    /// <summary>What one call of nanoFramework's <c>WifiNetworkHelper</c> reported, as the adapter saw it.</summary>
    public sealed class WifiJoinResult
    {
        /// <summary>Records one join's facts.</summary>
        /// <param name="helperReturned">What ConnectDhcp/Reconnect returned.</param>
        /// <param name="ipAddress">The station's IPv4 address after the call ("0.0.0.0" or empty when none).</param>
        /// <param name="helperStatus">The numeric value of <c>WifiNetworkHelper.Status</c> (<c>Enum.ToString()</c> gives only the number on v1).</param>
        /// <param name="helperError">The message of <c>WifiNetworkHelper.HelperException</c>, or of what the call threw; empty for none.</param>
        public WifiJoinResult(bool helperReturned, string ipAddress, int helperStatus, string helperError)
        {
            HelperReturned = helperReturned;
            IpAddress = ipAddress == null ? string.Empty : ipAddress;
            HelperStatus = helperStatus;
            HelperError = helperError == null ? string.Empty : helperError;
        }

        /// <summary>What the helper returned.</summary>
        public bool HelperReturned { get; private set; }

        /// <summary>The station's IPv4 address, or empty / "0.0.0.0".</summary>
        public string IpAddress { get; private set; }

        /// <summary>The numeric NetworkHelperStatus.</summary>
        public int HelperStatus { get; private set; }

        /// <summary>The helper's exception message, or empty.</summary>
        public string HelperError { get; private set; }
    }
}
