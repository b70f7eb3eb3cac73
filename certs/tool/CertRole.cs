namespace WwepCerts
{
    /// <summary>What a certificate is for; decides which checks apply and which verb re-issues it.</summary>
    public enum CertRole
    {
        /// <summary>The test CA.</summary>
        Ca,

        /// <summary>The WWEP server's certificate.</summary>
        Server,

        /// <summary>A device's client certificate.</summary>
        Device,
    }
}
