namespace WwepDevice.Core.Settings
{
    /// <summary>
    /// Parses the board's settings file, <c>I:\wwep.conf</c>, which <c>nf-build/configure</c> stores with nanoff's
    /// file deployment so that one firmware image serves every classroom network. The format is one
    /// <c>Key=value</c> per line (keys as in <see cref="BoardSettingKeys"/>, case-sensitive), blank lines and lines
    /// starting with <c>#</c> ignored, spaces around key and value ignored, LF or CRLF line ends, an optional UTF-8
    /// byte order mark. Values are ASCII: host names, addresses, numbers, <c>true</c>/<c>false</c>, the modes
    /// <c>plain</c>, <c>tls</c>, <c>two-button</c>, and <c>off</c>/<c>restore</c> for LedAtBoot. The bytes are decoded here, by hand, because the portable code
    /// does without System.Text (a separate package on nanoFramework).
    /// </summary>
    public static class BoardSettingsFile
    {
        /// <summary>Where the firmware looks for the file: internal storage of the ESP32 reference firmware.</summary>
        public const string FilePath = "I:\\wwep.conf";

        /// <summary>The largest file accepted: a file with every key is under 600 bytes.</summary>
        public const int MaxBytes = 4096;

        private const string FixByConfigure = "nf-build/configure --port <serial> --server <host> ... writes a good one";

        /// <summary>Parses the file's bytes.</summary>
        /// <param name="content">The bytes read.</param>
        /// <param name="length">How many of them.</param>
        /// <returns>The values found and one line per problem (each naming its fix).</returns>
        public static BoardSettingsFileContent Parse(byte[] content, int length)
        {
            BoardSettingsFileContent result = new BoardSettingsFileContent();
            if (length > MaxBytes)
            {
                result.AddProblem(FilePath + " is more than " + MaxBytes.ToString() + " bytes, far more than a settings file: " + FixByConfigure);
                return result;
            }

            int position = 0;
            if (length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
            {
                // A UTF-8 byte order mark, as Windows editors write one.
                position = 3;
            }

            int lineNumber = 1;
            while (position < length)
            {
                int end = position;
                while (end < length && content[end] != (byte)'\n')
                {
                    end++;
                }

                int lineEnd = end;
                if (lineEnd > position && content[lineEnd - 1] == (byte)'\r')
                {
                    lineEnd--;
                }

                ParseLine(result, content, position, lineEnd, lineNumber);
                position = end + 1;
                lineNumber++;
            }

            return result;
        }

        private static void ParseLine(BoardSettingsFileContent result, byte[] content, int start, int end, int lineNumber)
        {
            string where = FilePath + " line " + lineNumber.ToString() + ": ";
            char[] chars = new char[end - start];
            for (int i = start; i < end; i++)
            {
                byte b = content[i];
                if (b >= 0x80)
                {
                    result.AddProblem(where + "byte 0x" + HexByte(b) + " is not ASCII: names, addresses and numbers are plain ASCII (an international host name goes in its xn-- form)");
                    return;
                }

                if (b < 0x20 && b != (byte)'\t')
                {
                    result.AddProblem(where + "control character 0x" + HexByte(b) + " in the line: save the file as plain text, or " + FixByConfigure);
                    return;
                }

                chars[i - start] = (char)b;
            }

            string line = TrimBlanks(new string(chars));
            if (line.Length == 0 || line[0] == '#')
            {
                return;
            }

            int equals = line.IndexOf('=');
            if (equals < 0)
            {
                result.AddProblem(where + "'" + line + "' is not Key=value: write for example ServerHost=wwep.local, or start a comment with #");
                return;
            }

            string name = TrimBlanks(line.Substring(0, equals));
            string value = TrimBlanks(line.Substring(equals + 1));
            if (name.Length == 0)
            {
                result.AddProblem(where + "no key before '=': write for example ServerHost=wwep.local");
                return;
            }

            BoardSettingKey key = BoardSettingKeys.Find(name);
            if (key == null)
            {
                result.AddProblem(where + UnknownKey(name));
                return;
            }

            int firstLine = result.LineOf(key);
            if (firstLine > 0)
            {
                result.AddProblem(where + key.Name + " is set again (first on line " + firstLine.ToString() + "): keep one line per key");
                return;
            }

            int number = 0;
            string problem = ParseValue(key, value, ref number);
            if (problem != null)
            {
                result.AddProblem(where + problem);
                return;
            }

            result.Add(key, value, number, lineNumber);
        }

        // Null when the value is good (number then holds it), else the problem with its fix.
        private static string ParseValue(BoardSettingKey key, string value, ref int number)
        {
            string example = key.Name + "=" + key.Example;
            if (key.Kind == SettingKind.Text)
            {
                return null;
            }

            if (value.Length == 0)
            {
                return key.Name + " has no value: write for example " + example + ", or leave the line out to keep the compiled value";
            }

            if (key.Kind == SettingKind.Integer)
            {
                if (!TryParseInteger(value, ref number))
                {
                    return key.Name + " '" + value + "' is not a whole number (up to 9 digits): write for example " + example;
                }

                return null;
            }

            if (key.Kind == SettingKind.Boolean)
            {
                if (SameAscii(value, "true"))
                {
                    number = 1;
                    return null;
                }

                if (SameAscii(value, "false"))
                {
                    number = 0;
                    return null;
                }

                return key.Name + " '" + value + "' is neither true nor false: write " + key.Name + "=true or " + key.Name + "=false";
            }

            if (key.Kind == SettingKind.LedAtBoot)
            {
                for (int atBoot = (int)LedAtBoot.Off; atBoot <= (int)LedAtBoot.Restore; atBoot++)
                {
                    if (SameAscii(value, BoardSettingKeys.LedAtBootText((LedAtBoot)atBoot)))
                    {
                        number = atBoot;
                        return null;
                    }
                }

                return key.Name + " '" + value + "' is neither off nor restore: write " + key.Name + "=off or " + key.Name + "=restore";
            }

            for (int mode = (int)LinkMode.Plain; mode <= (int)LinkMode.TwoButton; mode++)
            {
                if (SameAscii(value, BoardSettingKeys.ModeText((LinkMode)mode)))
                {
                    number = mode;
                    return null;
                }
            }

            return key.Name + " '" + value + "' is not a mode: write " + key.Name + "=plain, " + key.Name + "=tls or " + key.Name + "=two-button";
        }

        private static string UnknownKey(string name)
        {
            if (name.Length >= 4 && SameAscii(name.Substring(0, 4), "wifi"))
            {
                return "unknown key '" + name + "': the Wi-Fi credentials are not kept in this file, nf-build/configure stores them on the board with nanoff's network deployment";
            }

            string known = string.Empty;
            for (int i = 0; i < BoardSettingKeys.All.Length; i++)
            {
                string candidate = BoardSettingKeys.All[i].Name;
                if (SameAscii(candidate, name))
                {
                    return "unknown key '" + name + "': keys are case-sensitive, write " + candidate;
                }

                known += (i == 0 ? string.Empty : ", ") + candidate;
            }

            return "unknown key '" + name + "': this firmware knows " + known + " (a key from a newer nf-build needs the firmware built from the same checkout)";
        }

        /// <summary>An optional minus and 1 to 9 digits, so the value always fits an int.</summary>
        /// <param name="text">The text.</param>
        /// <param name="value">The number, when it is one.</param>
        /// <returns>Whether it is one.</returns>
        public static bool TryParseInteger(string text, ref int value)
        {
            int start = text.Length > 0 && text[0] == '-' ? 1 : 0;
            int digits = text.Length - start;
            if (digits < 1 || digits > 9)
            {
                return false;
            }

            int result = 0;
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                result = (result * 10) + (c - '0');
            }

            value = start == 1 ? -result : result;
            return true;
        }

        /// <summary>Case-insensitive equality of ASCII text (no culture rules, the same on both runtimes).</summary>
        /// <param name="a">One text.</param>
        /// <param name="b">The other.</param>
        /// <returns>Whether they differ at most in the case of ASCII letters.</returns>
        public static bool SameAscii(string a, string b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (LowerAscii(a[i]) != LowerAscii(b[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static char LowerAscii(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
        }

        private static string TrimBlanks(string text)
        {
            int start = 0;
            int end = text.Length;
            while (start < end && (text[start] == ' ' || text[start] == '\t'))
            {
                start++;
            }

            while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
            {
                end--;
            }

            return text.Substring(start, end - start);
        }

        private static string HexByte(byte b)
        {
            const string Digits = "0123456789ABCDEF";
            return new string(new char[] { Digits[b >> 4], Digits[b & 0x0F] });
        }
    }
}
