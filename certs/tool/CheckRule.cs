namespace WwepCerts
{
    /// <summary>The rules <c>check</c> applies; each finding names the one it comes from.</summary>
    public enum CheckRule
    {
        /// <summary>The file exists and holds what its name says.</summary>
        Readable,

        /// <summary>The certificate was issued (signed) by the CA, and the CA is a CA.</summary>
        Chain,

        /// <summary>The private key belongs to the certificate.</summary>
        KeyMatch,

        /// <summary>The server certificate names the host the device verifies.</summary>
        HostName,

        /// <summary>The certificate's validity has begun.</summary>
        NotYetValid,

        /// <summary>The certificate has not expired.</summary>
        Expired,

        /// <summary>The certificate will not expire within the warning window.</summary>
        ExpiresSoon,

        /// <summary>Key type, curve, key size and signature hash are ones the ESP32's mbedTLS accepts.</summary>
        Algorithm,

        /// <summary>Key usage and extended key usage allow the certificate's role.</summary>
        Usage,

        /// <summary>The device certificate's CN is a device ID: 4 uppercase hex digits.</summary>
        DeviceId,

        /// <summary>The DER copies in certs/ are the same certificates as the PEM files.</summary>
        DerCopy,

        /// <summary>The firmware's embedded resources (DER files, Resources.resx, Resources.Designer.cs) match certs/.</summary>
        Embedded,

        /// <summary>The CA a board stores (<c>--board-ca</c>) is the CA the firmware embeds, so the board trusts one CA.</summary>
        BoardCa,
    }
}
