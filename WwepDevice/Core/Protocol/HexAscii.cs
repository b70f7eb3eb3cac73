namespace WwepDevice.Core.Protocol
{
    /// <summary>
    /// ASCII hexadecimal in and out of byte buffers, without strings, so the codec allocates nothing.
    /// </summary>
    public static class HexAscii
    {

        /// <summary>Writes the low <paramref name="digits"/> nibbles of <paramref name="value"/> as uppercase hex.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Where the first (most significant) digit goes.</param>
        /// <param name="value">The number to write; bits above the written digits are ignored.</param>
        /// <param name="digits">How many digits to write (1 to 8).</param>
        public static void Write(byte[] buffer, int offset, int value, int digits)
        {
            for (int i = digits - 1; i >= 0; i--)
            {
                buffer[offset + i] = (byte)UpperDigit(value & 0xF);
                value >>= 4;
            }
        }

        /// <summary>Reads <paramref name="digits"/> hex digits (either case).</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">The first digit.</param>
        /// <param name="digits">How many digits to read (1 to 7).</param>
        /// <returns>The value, or -1 if any byte is not a hex digit.</returns>
        public static int Read(byte[] buffer, int offset, int digits)
        {
            int value = 0;
            for (int i = 0; i < digits; i++)
            {
                int nibble = DigitValue(buffer[offset + i]);
                if (nibble < 0)
                {
                    return -1;
                }

                value = (value << 4) | nibble;
            }

            return value;
        }

        /// <summary>The value of one hex digit in either case.</summary>
        /// <param name="c">An ASCII byte.</param>
        /// <returns>0 to 15, or -1 if <paramref name="c"/> is not a hex digit.</returns>
        public static int DigitValue(int c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return -1;
        }

        /// <summary>Formats a number as uppercase hex with a fixed number of digits.</summary>
        /// <param name="value">The number.</param>
        /// <param name="digits">How many digits (1 to 8).</param>
        /// <returns>For example <c>02E8</c>.</returns>
        public static string Format(int value, int digits)
        {
            char[] text = new char[digits];
            for (int i = digits - 1; i >= 0; i--)
            {
                text[i] = UpperDigit(value & 0xF);
                value >>= 4;
            }

            return new string(text);
        }

        // Arithmetic, not an index into a string literal: on the nanoCLR every execution of a literal (ldstr) allocates
        // a heap block, and the codec runs on every press.
        private static char UpperDigit(int nibble)
        {
            return (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
        }
    }
}
