using WwepDevice.Core.Runtime;

namespace WwepDevice.Core.Tls
{
    /// <summary>
    /// Every CA the board's TLS handshake trusts, with where it came from. Two sources add up, whatever the firmware
    /// passes: <c>SecureClientInit</c> parses the CA bundle stored on the board into the trust chain of every handshake
    /// (nf-interpreter src/PAL/COM/sockets/ssl/MbedTLS/ssl_generic_init_internal.cpp, "CA root certs from store", at
    /// 3367392a and a3e8139a alike), and the CA the firmware embeds is added to the same chain
    /// (ssl_add_cert_auth_internal.cpp). Managed code can store a bundle (System.Net v1.11.54
    /// CertificateManager.AddCaCertificateBundle) but not read it, so the stored part is what nf-build/configure recorded
    /// when it stored the bundle (<see cref="StoredCaRecord"/>).
    /// </summary>
    public sealed class TrustedCas
    {
        /// <summary>The record nf-build/configure writes after removing the stored bundle.</summary>
        public const string NoneStored = "none";

        private const string Until = " until ";

        private readonly EmbeddedCa _embedded;
        private readonly string[] _stored;
        private readonly bool _storedRecorded;

        /// <summary>Gathers the two sources.</summary>
        /// <param name="embedded">The CA embedded in the image as the board parsed it; null when it did not parse.</param>
        /// <param name="storedRecord">The <see cref="StoredCaRecord.Record"/>: empty when not recorded, <c>none</c>, or the entries.</param>
        public TrustedCas(EmbeddedCa embedded, string storedRecord)
        {
            _embedded = embedded;
            string record = storedRecord == null ? string.Empty : storedRecord.Trim();
            _storedRecorded = record.Length > 0;
            _stored = _storedRecorded && record != NoneStored ? record.Split(';') : new string[0];
            for (int i = 0; i < _stored.Length; i++)
            {
                _stored[i] = _stored[i].Trim();
            }
        }

        /// <summary>How many CAs the board is known to trust (the embedded one and the recorded stored ones).</summary>
        public int Count
        {
            get { return (_embedded != null ? 1 : 0) + _stored.Length; }
        }

        /// <summary>
        /// One line per trusted CA with its source, subject and expiry, for the boot log and the status block; a last
        /// line when the stored bundle is not recorded, since then the board may trust more than it can name.
        /// </summary>
        /// <returns>For example <c>trusts CA 'CN=WWEP Test CA' (valid until 2036-11-28), embedded in the image</c>.</returns>
        public string[] Lines()
        {
            string[] lines = new string[Count + 1];
            int n = 0;
            if (_embedded != null)
            {
                lines[n++] = "trusts CA " + _embedded.Describe() + ", embedded in the image";
            }

            for (int i = 0; i < _stored.Length; i++)
            {
                lines[n++] = "trusts CA " + DescribeStored(_stored[i]) + ", stored on the board by nf-build/configure";
            }

            if (!_storedRecorded)
            {
                lines[n++] = "trusts also any CA bundle stored on the board before: no record of it in " + StoredCaRecord.FilePath + " (nf-build/configure --ca <file> or --remove-ca stores the bundle and its record)";
            }
            else if (_stored.Length == 0)
            {
                lines[n++] = "trusts no CA stored on the board (nf-build/configure --remove-ca emptied the bundle)";
            }

            string[] result = new string[n];
            System.Array.Copy(lines, result, n);
            return result;
        }

        /// <summary>
        /// What the boot log and the status block say of TLS: nothing when no button uses TLS, else the versions the
        /// handshake offers, then <see cref="Lines"/>.
        /// </summary>
        /// <param name="usesTls">Whether any button uses TLS.</param>
        /// <param name="clientCertificate">Whether the device sends its certificate (TLS 1.2 only then).</param>
        /// <returns>The lines; none in plain mode.</returns>
        public string[] TlsLines(bool usesTls, bool clientCertificate)
        {
            if (!usesTls)
            {
                return new string[0];
            }

            string[] trusted = Lines();
            string[] lines = new string[trusted.Length + 1];
            lines[0] = "TLS offers " + TlsVersionChoice.Describe(clientCertificate);
            System.Array.Copy(trusted, 0, lines, 1, trusted.Length);
            return lines;
        }

        /// <summary>Writes <see cref="TlsLines"/> to the boot log.</summary>
        /// <param name="usesTls">Whether any button uses TLS.</param>
        /// <param name="clientCertificate">Whether the device sends its certificate.</param>
        /// <param name="log">The boot log.</param>
        public void Report(bool usesTls, bool clientCertificate, ILog log)
        {
            string[] lines = TlsLines(usesTls, clientCertificate);
            for (int i = 0; i < lines.Length; i++)
            {
                log.Write(LogLevel.Info, lines[i]);
            }
        }

        /// <summary>Every trusted CA in one phrase, for the line of a server certificate from an unknown CA.</summary>
        /// <returns>For example <c>'CN=A' (valid until 2036-11-28, embedded in the image) or 'CN=B' (..., stored on the board)</c>.</returns>
        public string Describe()
        {
            string text = _embedded != null ? _embedded.Describe() + " embedded in the image" : string.Empty;
            for (int i = 0; i < _stored.Length; i++)
            {
                text += (text.Length > 0 ? " or " : string.Empty) + DescribeStored(_stored[i]) + " stored on the board";
            }

            if (!_storedRecorded)
            {
                text += (text.Length > 0 ? " or " : string.Empty) + "a CA stored on the board that nf-build/configure did not record";
            }

            return text.Length > 0 ? text : "no CA the board can name";
        }

        // "CN=X until 2036-11-28" as the embedded CA is shown: "'CN=X' (valid until 2036-11-28)".
        private static string DescribeStored(string entry)
        {
            int at = entry.LastIndexOf(Until);
            if (at < 0)
            {
                return "'" + entry + "' (expiry not recorded)";
            }

            return "'" + entry.Substring(0, at) + "' (valid until " + entry.Substring(at + Until.Length) + ")";
        }
    }
}
