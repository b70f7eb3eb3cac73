using System;
using System.Globalization;
using WwepDevice.Core.Protocol;

namespace WwepCerts
{
    /// <summary>
    /// Turns what a person typed for <c>device</c> (<c>--id</c> or <c>--mac</c>) into the device ID, using the
    /// firmware's own <see cref="DeviceIdentity"/> so the certificate's CN is exactly what the device sends.
    /// </summary>
    public static class DeviceIdInput
    {
        /// <summary>The device ID as 4 uppercase hex digits.</summary>
        /// <param name="id">The <c>--id</c> value, or null.</param>
        /// <param name="mac">The <c>--mac</c> value, or null.</param>
        /// <returns>For example "02E8".</returns>
        public static string Resolve(string? id, string? mac)
        {
            bool hasId = !string.IsNullOrWhiteSpace(id);
            bool hasMac = !string.IsNullOrWhiteSpace(mac);
            if (hasId == hasMac)
            {
                throw new CertToolException("give the device as --id <4 hex digits> (for example --id 02E8) or as --mac <Wi-Fi MAC> (for example --mac C4:7F:51:01:6A:E9), exactly one of them");
            }

            if (hasMac)
            {
                try
                {
                    return DeviceIdentity.ToHex(DeviceIdentity.FromMac(DeviceIdentity.ParseMac(mac!.Trim())));
                }
                catch (ArgumentException ex)
                {
                    throw new CertToolException("--mac " + ex.Message, ex);
                }
            }

            return ParseId(id!.Trim());
        }

        private static string ParseId(string text)
        {
            if (DeviceIdentity.TryParseHex(text, out int value))
            {
                return DeviceIdentity.ToHex(value);
            }

            if (LooksLikeMac(text))
            {
                throw new CertToolException("--id '" + text + "' is a MAC address, not a device ID: pass it as --mac " + text + " and the tool computes the ID");
            }

            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                throw new CertToolException("--id '" + text + "': write the device ID as its 4 hex digits without 0x, for example --id " + Suggest(text.Substring(2)));
            }

            if (text.Length > 0 && text.Length < 4 && IsHex(text))
            {
                throw new CertToolException("--id '" + text + "' has " + text.Length + " digits; a device ID has exactly 4: --id " + Suggest(text));
            }

            throw new CertToolException("--id '" + text + "' is not a device ID: it is 4 hex digits such as 02E8 (the 16-bit sum of the Wi-Fi MAC's bytes; pass --mac to have it computed)");
        }

        private static bool LooksLikeMac(string text)
        {
            try
            {
                DeviceIdentity.ParseMac(text);
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static bool IsHex(string text)
        {
            return int.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _);
        }

        private static string Suggest(string digits)
        {
            return IsHex(digits) && digits.Length <= 4 ? digits.ToUpperInvariant().PadLeft(4, '0') : "02E8";
        }
    }
}
