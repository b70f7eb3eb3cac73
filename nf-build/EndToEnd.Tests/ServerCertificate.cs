namespace WwepEndToEnd.Tests
{
    /// <summary>A server certificate file and its key file, as WwepServer's --cert and --key take them.</summary>
    /// <param name="Cert">The PEM certificate.</param>
    /// <param name="Key">The PEM key.</param>
    public sealed record ServerCertificate(string Cert, string Key);
}
