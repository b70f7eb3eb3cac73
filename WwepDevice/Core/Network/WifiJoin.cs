using WwepDevice.Core.Settings;

namespace WwepDevice.Core.Network
{
    /// <summary>One blocking join through the platform's Wi-Fi helper.</summary>
    /// <param name="withSettingsCredentials">
    /// True: join with <see cref="WwepSettings.WifiSsid"/>/<see cref="WwepSettings.WifiPassword"/> (nanoFramework's
    /// <c>ConnectDhcp</c>, which writes them to the board's flash); false: with the credentials stored on the board
    /// (<c>Reconnect</c>, no flash write).
    /// </param>
    /// <param name="timeoutMilliseconds">How long the join may take.</param>
    /// <returns>What the helper reported.</returns>
    public delegate WifiJoinResult WifiJoin(bool withSettingsCredentials, int timeoutMilliseconds);
}
