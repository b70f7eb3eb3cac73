using System;

namespace WwepDevice.Core.Protocol
{
    /// <summary>
    /// The device ID of the WW101 course: the 16-bit sum of the six bytes of the Wi-Fi station MAC address,
    /// written as 4 uppercase hex digits. The certificate tool computes device certificates' CN with this same code.
    /// </summary>
    public static class DeviceIdentity
    {
        /// <summary>An Ethernet/Wi-Fi MAC address has six bytes.</summary>
        public const int MacLength = 6;

        /// <summary>The device ID for a MAC address.</summary>
        /// <param name="mac">The six MAC bytes, most significant first.</param>
        /// <returns>0 to 0xFFFF.</returns>
        /// <exception cref="ArgumentException">The MAC is missing or not six bytes long.</exception>
        public static int FromMac(byte[] mac)
        {
            if (mac == null)
            {
                throw new ArgumentException("no MAC address: the Wi-Fi interface reported none");
            }

            if (mac.Length != MacLength)
            {
                throw new ArgumentException("a MAC address has 6 bytes, this one has " + mac.Length.ToString());
            }

            int sum = 0;
            for (int i = 0; i < MacLength; i++)
            {
                sum += mac[i];
            }

            return sum & 0xFFFF;
        }

        /// <summary>The device ID as it appears in messages and certificates.</summary>
        /// <param name="deviceId">0 to 0xFFFF.</param>
        /// <returns>4 uppercase hex digits, for example <c>02E8</c>.</returns>
        public static string ToHex(int deviceId)
        {
            return HexAscii.Format(deviceId & 0xFFFF, 4);
        }

        /// <summary>
        /// Parses a MAC written as six hex pairs separated by <c>:</c> or <c>-</c>, or with no separator.
        /// </summary>
        /// <param name="text">For example <c>C4:7F:51:01:6A:E9</c>.</param>
        /// <returns>The six bytes.</returns>
        /// <exception cref="ArgumentException">The text is not a MAC address; the message says why.</exception>
        public static byte[] ParseMac(string text)
        {
            if (text == null || text.Length == 0)
            {
                throw new ArgumentException("empty MAC address: expected six hex pairs such as C4:7F:51:01:6A:E9");
            }

            byte[] mac = new byte[MacLength];
            int count = 0;
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if ((c == ':' || c == '-') && count > 0 && i + 1 < text.Length)
                {
                    i++;
                    continue;
                }

                if (count == MacLength || i + 1 >= text.Length)
                {
                    throw new ArgumentException("'" + text + "' is not a MAC address: expected six hex pairs such as C4:7F:51:01:6A:E9");
                }

                int high = HexAscii.DigitValue(c);
                int low = HexAscii.DigitValue(text[i + 1]);
                if (high < 0 || low < 0)
                {
                    throw new ArgumentException("'" + text + "' is not a MAC address: '" + text.Substring(i, 2) + "' is not a hex pair");
                }

                mac[count++] = (byte)((high << 4) | low);
                i += 2;
            }

            if (count != MacLength)
            {
                throw new ArgumentException("'" + text + "' is not a MAC address: it has " + count.ToString() + " bytes, a MAC has 6");
            }

            return mac;
        }

        /// <summary>Parses a device ID written as exactly 4 hex digits (either case).</summary>
        /// <param name="text">For example <c>0FAC</c>.</param>
        /// <param name="deviceId">The ID when the result is true.</param>
        /// <returns>Whether <paramref name="text"/> is a device ID.</returns>
        public static bool TryParseHex(string text, out int deviceId)
        {
            deviceId = -1;
            if (text == null || text.Length != 4)
            {
                return false;
            }

            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                int nibble = HexAscii.DigitValue(text[i]);
                if (nibble < 0)
                {
                    return false;
                }

                value = (value << 4) | nibble;
            }

            deviceId = value;
            return true;
        }
    }
}
