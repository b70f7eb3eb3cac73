using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;

namespace WwepDevice.Core.Tls
{
    /// <summary>
    /// What nf-build/configure recorded of the CA bundle it stored on the board, read from its own file
    /// <c>I:\wwep-ca.conf</c>. The bundle itself cannot be read back by managed code (System.Net v1.11.54
    /// CertificateManager only writes it), so this record is how the board names it. It lives apart from the settings
    /// file on purpose: configure rewrites I:\wwep.conf whole whenever settings are given, and nanoff cannot read a file
    /// back to merge it, so a record kept there would be lost by a later settings-only run, or a settings file lost by a
    /// CA-only run. This file is written exactly when the bundle is: by <c>--ca</c> and <c>--remove-ca</c>.
    /// The format is one line <c>StoredCa=</c> followed by <c>none</c> or entries <c>subject until yyyy-MM-dd</c> joined
    /// by <c>; </c>; <c>#</c> lines are comments. A record that cannot be read never stops the board: its trust is then
    /// said to be unknown, as with no record at all.
    /// </summary>
    public sealed class StoredCaRecord
    {
        /// <summary>Where nf-build/configure stores the record.</summary>
        public const string FilePath = "I:\\wwep-ca.conf";

        /// <summary>The key of the record's one line.</summary>
        public const string Key = "StoredCa";

        private StoredCaRecord(string record, string warning)
        {
            Record = record;
            Warning = warning;
        }

        /// <summary>The record for <see cref="TrustedCas"/>: empty when none was read, <c>none</c>, or the entries.</summary>
        public string Record { get; private set; }

        /// <summary>A line for the boot log when the file exists but could not be used; null otherwise.</summary>
        public string Warning { get; private set; }

        /// <summary>Reads the record from what the storage adapter found.</summary>
        /// <param name="read">The raw facts of reading <see cref="FilePath"/>.</param>
        /// <returns>The record, and a warning when the file could not be used.</returns>
        public static StoredCaRecord FromFile(SettingsFileRead read)
        {
            if (read.Kind == SettingsFileReadKind.Missing)
            {
                return new StoredCaRecord(string.Empty, null);
            }

            const string Fix = ": the CAs stored on the board are unknown; nf-build/configure --ca <file> (or --remove-ca) stores the bundle and its record again";
            if (read.Kind == SettingsFileReadKind.Failed)
            {
                string message = read.ExceptionMessage != null && read.ExceptionMessage.Length > 0 ? ": " + read.ExceptionMessage : string.Empty;
                return new StoredCaRecord(string.Empty, FilePath + " could not be read (" + read.ExceptionType + message + ")" + Fix);
            }

            if (read.Length > BoardSettingsFile.MaxBytes)
            {
                return new StoredCaRecord(string.Empty, FilePath + " is more than " + BoardSettingsFile.MaxBytes.ToString() + " bytes, not a record configure writes" + Fix);
            }

            string found = null;
            int lineNumber = 0;
            int position = 0;
            while (position < read.Length)
            {
                int end = position;
                while (end < read.Length && read.Content[end] != (byte)'\n')
                {
                    end++;
                }

                lineNumber++;
                string line = AsciiLine(read.Content, position, end).Trim();
                position = end + 1;
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                if (!line.StartsWith(Key + "=") || found != null)
                {
                    string what = found != null && line.StartsWith(Key + "=") ? "a second " + Key + " line" : "not a " + Key + "= line";
                    return new StoredCaRecord(string.Empty, FilePath + " line " + lineNumber.ToString() + ": " + what + Fix);
                }

                found = line.Substring(Key.Length + 1).Trim();
            }

            if (found == null || found.Length == 0)
            {
                return new StoredCaRecord(string.Empty, FilePath + " holds no " + Key + " record" + Fix);
            }

            return new StoredCaRecord(found, null);
        }

        /// <summary>Writes <see cref="Warning"/> to the boot log, when there is one.</summary>
        /// <param name="log">The boot log.</param>
        public void Report(ILog log)
        {
            if (Warning != null)
            {
                log.Write(LogLevel.Warning, Warning);
            }
        }

        // The line's bytes as text; a byte outside printable ASCII shows as '?' (configure writes ASCII only), a
        // carriage return before the line end is dropped by the caller's Trim.
        private static string AsciiLine(byte[] content, int start, int end)
        {
            char[] chars = new char[end - start];
            for (int i = start; i < end; i++)
            {
                byte b = content[i];
                chars[i - start] = b >= 0x20 && b < 0x7F ? (char)b : (b == (byte)'\r' || b == (byte)'\t' ? ' ' : '?');
            }

            return new string(chars);
        }
    }
}
