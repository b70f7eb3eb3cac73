using System;
using WwepDevice.Core.Protocol;

namespace WwepDevice.Core.Tls
{
    /// <summary>
    /// The 16-bit ID that nanoFramework's resource build step gives each entry of a <c>Resources.resx</c>.
    /// The generated <c>Resources.BinaryResources</c> enum holds these IDs and the device looks resources up by them,
    /// so the firmware can find an optional resource (the device certificate and key) from its name at run time,
    /// and the certificate tool writes <c>Resources.Designer.cs</c> without Visual Studio.
    /// </summary>
    /// <remarks>
    /// The rule, as the nanoFramework build task applies it to a resource name: every <c>.</c> counts as <c>_</c>;
    /// a name written <c>Name;Id</c> carries its ID explicitly (decimal, or hex with a <c>0x</c> prefix); otherwise
    /// two 32-bit multiply-by-33-and-xor hashes run over the even and the odd characters, are combined into one
    /// 32-bit value, and its two halves are xor-ed into the 16-bit ID.
    /// </remarks>
    public static class ResourceId
    {
        /// <summary>Both hashes start from 5381 in each 16-bit half.</summary>
        private const int HashSeed = (5381 << 16) + 5381;

        /// <summary>The odd-character hash is weighted by this before the two are added.</summary>
        private const int OddHashWeight = 1566083941;

        /// <summary>The ID of a resource.</summary>
        /// <param name="name">The resource name as written in Resources.resx, for example <c>CaCertificate</c>,
        /// or <c>CaCertificate;0x1234</c> for an explicit ID.</param>
        /// <returns>The ID the nanoFramework tooling gives that resource.</returns>
        /// <exception cref="ArgumentException">The name is empty, has more than one <c>;</c>, or its explicit ID
        /// is not a 16-bit number.</exception>
        public static short FromName(string name)
        {
            if (name == null || name.Length == 0)
            {
                throw new ArgumentException("empty resource name: use the name of a <data> entry of Resources.resx");
            }

            int separator = name.IndexOf(';');
            if (separator < 0)
            {
                return Hash(name, name.Length);
            }

            if (name.IndexOf(';', separator + 1) >= 0)
            {
                throw new ArgumentException("resource name '" + name + "' has more than one ';': write Name or Name;Id");
            }

            int idStart = separator + 1;
            int idEnd = name.Length;
            while (idStart < idEnd && IsBlank(name[idStart]))
            {
                idStart++;
            }

            while (idEnd > idStart && IsBlank(name[idEnd - 1]))
            {
                idEnd--;
            }

            // "Name;" with nothing after the separator means "no explicit ID", as in the tooling.
            if (idStart == idEnd)
            {
                return Hash(name, separator);
            }

            return ParseExplicitId(name, idStart, idEnd);
        }

        private static short Hash(string name, int length)
        {
            unchecked
            {
                int evenHash = HashSeed;
                int oddHash = HashSeed;
                for (int i = 0; i < length; i++)
                {
                    // The tooling renames '.' to '_' before hashing (dots would otherwise nest enums).
                    char c = name[i] == '.' ? '_' : name[i];
                    if ((i & 1) == 0)
                    {
                        evenHash = ((evenHash << 5) + evenHash) ^ c;
                    }
                    else
                    {
                        oddHash = ((oddHash << 5) + oddHash) ^ c;
                    }
                }

                int combined = evenHash + (oddHash * OddHashWeight);
                return (short)((short)(combined >> 16) ^ (short)combined);
            }
        }

        private static short ParseExplicitId(string name, int start, int end)
        {
            bool hex = end - start > 2 && name[start] == '0' && (name[start + 1] == 'x' || name[start + 1] == 'X');
            if (hex)
            {
                // Hex IDs are unsigned 16-bit values stored as a short: 0xFFFF is -1.
                int value = 0;
                for (int i = start + 2; i < end; i++)
                {
                    int nibble = HexAscii.DigitValue(name[i]);
                    if (nibble < 0)
                    {
                        throw BadExplicitId(name, start, end);
                    }

                    value = (value << 4) | nibble;
                    if (value > 0xFFFF)
                    {
                        throw BadExplicitId(name, start, end);
                    }
                }

                return unchecked((short)value);
            }

            bool negative = name[start] == '-';
            int first = negative || name[start] == '+' ? start + 1 : start;
            if (first == end)
            {
                throw BadExplicitId(name, start, end);
            }

            int magnitude = 0;
            for (int i = first; i < end; i++)
            {
                char c = name[i];
                if (c < '0' || c > '9')
                {
                    throw BadExplicitId(name, start, end);
                }

                magnitude = (magnitude * 10) + (c - '0');
                if (magnitude > 32768 || (!negative && magnitude > 32767))
                {
                    throw BadExplicitId(name, start, end);
                }
            }

            return (short)(negative ? -magnitude : magnitude);
        }

        private static bool IsBlank(char c)
        {
            return c == ' ' || c == '\t';
        }

        private static ArgumentException BadExplicitId(string name, int start, int end)
        {
            return new ArgumentException("resource name '" + name + "': '" + name.Substring(start, end - start)
                + "' is not an ID; write -32768 to 32767 or 0x0000 to 0xFFFF after the ';'");
        }
    }
}
