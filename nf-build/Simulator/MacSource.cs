using System;
using System.Net.NetworkInformation;
using WwepDevice.Core.Protocol;

namespace WwepSimulator
{
    /// <summary>Where the simulated device's MAC comes from: the option, or this PC's first working network interface.</summary>
    public static class MacSource
    {
        /// <summary>The MAC to derive the device ID from.</summary>
        /// <param name="option">The --mac text, or null.</param>
        /// <returns>Six bytes.</returns>
        /// <exception cref="SimulatorInputException">The option is malformed, or this PC has no usable interface.</exception>
        public static byte[] Choose(string? option)
        {
            if (option != null)
            {
                try
                {
                    return DeviceIdentity.ParseMac(option);
                }
                catch (ArgumentException ex)
                {
                    throw new SimulatorInputException("--mac: " + ex.Message);
                }
            }

            foreach (NetworkInterface nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
                {
                    continue;
                }

                byte[] mac = nic.GetPhysicalAddress().GetAddressBytes();
                if (mac.Length == DeviceIdentity.MacLength)
                {
                    return mac;
                }
            }

            throw new SimulatorInputException("this PC has no working network interface with a MAC address to derive the device ID from: pass one with --mac aa:bb:cc:dd:ee:ff");
        }
    }
}
