namespace WwepDevice.Core.Settings
{
    /// <summary>What the LED shows after a reset or a power cut, and what the board tells the server about it.</summary>
    public enum LedAtBoot
    {
        /// <summary>
        /// The LED starts off, as the course asks, and once the network is first up the board stores that off state on
        /// the server (<c>W&lt;id&gt;050000</c>), so the server and the LED agree from the boot on.
        /// </summary>
        Off = 0,

        /// <summary>
        /// Once the network is first up the board reads the stored state (<c>R&lt;id&gt;05</c>) and shows it; a register
        /// never written (<c>X</c>) leaves the LED off.
        /// </summary>
        Restore,
    }
}
