namespace WwepDevice.Core.Tls
{
    /// <summary>
    /// Which TLS versions the handshake offers. With a client certificate only TLS 1.2: under TLS 1.3 the client's
    /// handshake ends before the server judges the client certificate, so a refusal arrives as a close after the
    /// handshake and looks like a restarted server; under TLS 1.2 it is a handshake alert the board can name at once
    /// (nanoframework/Samples SecureClient offers TLS 1.2 for mutual TLS too). Without one, 1.2 and 1.3.
    /// </summary>
    public static class TlsVersionChoice
    {
        /// <summary>Whether the handshake also offers TLS 1.3 (TLS 1.2 is always offered).</summary>
        /// <param name="clientCertificateOffered">True when the device sends its certificate.</param>
        /// <returns>False with a client certificate.</returns>
        public static bool OffersTls13(bool clientCertificateOffered)
        {
            return !clientCertificateOffered;
        }

        /// <summary>The versions offered, for the boot log and the status block.</summary>
        /// <param name="clientCertificateOffered">True when the device sends its certificate.</param>
        /// <returns>For example <c>TLS 1.2 only (client certificate)</c>.</returns>
        public static string Describe(bool clientCertificateOffered)
        {
            return OffersTls13(clientCertificateOffered) ? "TLS 1.2 and 1.3" : "TLS 1.2 only (client certificate)";
        }
    }
}
