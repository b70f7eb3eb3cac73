using System;
using System.Text;

namespace WwepServer
{
    /// <summary>
    /// What a failed handshake's ClientHello says about the client (RFC 8446 4.1.2; RFC 6066 3): the newest TLS version
    /// it offers and the server name it asked for. OpenSSL's reason names neither ("unsupported protocol" does not say
    /// which version the client wanted), so the server reads them from the bytes it recorded.
    /// </summary>
    public sealed class ClientHelloSummary
    {
        private const int ServerNameExtension = 0;
        private const int SupportedVersionsExtension = 43;

        private ClientHelloSummary(int newestVersion, string? serverName)
        {
            NewestVersion = newestVersion;
            ServerName = serverName;
        }

        /// <summary>
        /// The newest version offered, as on the wire (0x0303 is TLS 1.2), or 0 when the recorded bytes end before the
        /// extensions that could name a newer one than the ClientHello's legacy field.
        /// </summary>
        public int NewestVersion { get; }

        /// <summary>The server name (SNI) the client asked for, or null.</summary>
        public string? ServerName { get; }

        /// <summary>The newest version offered in words, for example <c>TLS 1.1</c>.</summary>
        public string NewestVersionName
        {
            get { return VersionName(NewestVersion); }
        }

        /// <summary>Reads the ClientHello at the start of what a client sent.</summary>
        /// <param name="data">The first bytes of the connection (one TLS record or more, possibly cut off).</param>
        /// <returns>The summary, or null when the bytes hold no readable ClientHello.</returns>
        public static ClientHelloSummary? TryRead(ReadOnlySpan<byte> data)
        {
            // Record header (type 22, version, length), then the handshake header (type 1, 3-byte length).
            if (data.Length < 9 + 2 + 32 + 1 || data[0] != 0x16 || data[5] != 0x01)
            {
                return null;
            }

            int recordEnd = Math.Min(data.Length, 5 + ((data[3] << 8) | data[4]));
            var hello = data.Slice(0, recordEnd);
            int position = 9;
            int newest = (hello[position] << 8) | hello[position + 1];
            position += 2 + 32;
            if (!Skip(hello, ref position, 1) || !Skip(hello, ref position, 2) || !Skip(hello, ref position, 1) || position + 2 > hello.Length)
            {
                return new ClientHelloSummary(0, null);
            }

            int declaredEnd = position + 2 + ((hello[position] << 8) | hello[position + 1]);
            int extensionsEnd = Math.Min(hello.Length, declaredEnd);
            bool whole = declaredEnd <= hello.Length;
            bool versionsSeen = false;
            position += 2;
            string? serverName = null;
            while (position + 4 <= extensionsEnd)
            {
                int type = (hello[position] << 8) | hello[position + 1];
                int length = (hello[position + 2] << 8) | hello[position + 3];
                position += 4;
                ReadOnlySpan<byte> body = hello.Slice(position, Math.Min(length, extensionsEnd - position));
                if (type == SupportedVersionsExtension && body.Length >= 1)
                {
                    newest = NewestOf(body.Slice(1, Math.Min(body[0], body.Length - 1)));
                    versionsSeen = true;
                }
                else if (type == ServerNameExtension && body.Length >= 5 && body[2] == 0)
                {
                    int nameLength = Math.Min((body[3] << 8) | body[4], body.Length - 5);
                    serverName = Printable(body.Slice(5, nameLength));
                }

                position += length;
            }

            return new ClientHelloSummary(whole || versionsSeen ? newest : 0, serverName);
        }

        /// <summary>A wire version in words.</summary>
        /// <param name="version">For example 0x0302.</param>
        /// <returns>For example <c>TLS 1.1</c>.</returns>
        public static string VersionName(int version)
        {
            return version switch
            {
                0x0300 => "SSL 3.0",
                0x0301 => "TLS 1.0",
                0x0302 => "TLS 1.1",
                0x0303 => "TLS 1.2",
                0x0304 => "TLS 1.3",
                _ => "version 0x" + version.ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        // Skips a vector whose length takes lengthBytes bytes; false when the data ends first.
        private static bool Skip(ReadOnlySpan<byte> data, ref int position, int lengthBytes)
        {
            if (position + lengthBytes > data.Length)
            {
                return false;
            }

            int length = lengthBytes == 1 ? data[position] : (data[position] << 8) | data[position + 1];
            position += lengthBytes + length;
            return position <= data.Length;
        }

        private static int NewestOf(ReadOnlySpan<byte> versions)
        {
            int newest = 0;
            for (int i = 0; i + 1 < versions.Length; i += 2)
            {
                int version = (versions[i] << 8) | versions[i + 1];

                // GREASE values (RFC 8701) are 0x?A?A: not versions.
                if ((version & 0x0F0F) != 0x0A0A && version > newest)
                {
                    newest = version;
                }
            }

            return newest;
        }

        // A host name is ASCII; anything else is shown escaped, as all client text is.
        private static string Printable(ReadOnlySpan<byte> name)
        {
            var text = new StringBuilder(name.Length);
            foreach (byte b in name)
            {
                text.Append(b >= 0x21 && b <= 0x7E && b != '\\' ? (char)b : '?');
            }

            return ClientText.Cut(text.ToString());
        }
    }
}
