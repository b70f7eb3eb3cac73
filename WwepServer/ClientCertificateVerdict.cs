namespace WwepServer
{
    /// <summary>What the server made of the certificate a client presented under mutual TLS.</summary>
    public sealed class ClientCertificateVerdict
    {
        /// <summary>Creates a verdict.</summary>
        /// <param name="refusal">Why the certificate was refused, or null when it was accepted.</param>
        /// <param name="commonName">Its subject CN, or null when the client sent none.</param>
        /// <param name="detail">The evidence (issuer, dates, the chain's complaint), or null.</param>
        public ClientCertificateVerdict(FailureCause? refusal, string? commonName, string? detail)
        {
            Refusal = refusal;
            CommonName = commonName;
            Detail = detail;
        }

        /// <summary>True when the certificate may go on to the identity rule.</summary>
        public bool Accepted
        {
            get { return Refusal == null; }
        }

        /// <summary>Why it was refused, or null.</summary>
        public FailureCause? Refusal { get; }

        /// <summary>Its subject CN (a board's device ID, when made with the project's tool), or null.</summary>
        public string? CommonName { get; }

        /// <summary>The evidence for the refusal, or null.</summary>
        public string? Detail { get; }
    }
}
