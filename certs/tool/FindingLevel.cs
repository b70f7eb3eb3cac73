namespace WwepCerts
{
    /// <summary>How bad a check result is.</summary>
    public enum FindingLevel
    {
        /// <summary>The check passed.</summary>
        Ok,

        /// <summary>Works now, will not for long or not everywhere: fix it soon. Does not fail the check.</summary>
        Warning,

        /// <summary>The TLS handshake will fail (or the firmware will not build): fix it. Fails the check.</summary>
        Error,
    }
}
