using System;

namespace WwepServer
{
    /// <summary>
    /// The words for every <see cref="FailureCause"/>: the same in the log, the classroom view and /api/devices. Each
    /// fix is a command of this project (certs/tool, the board's settings, the server's options), so the teacher can
    /// act on the line without looking anything up.
    /// </summary>
    public static class FailureCatalog
    {
        /// <summary>Stands for the board's device ID in a fix; replaced when the client certificate names it.</summary>
        public const string DeviceIdPlaceholder = "<the board's ID>";

        /// <summary>Stands for the name the board connects to; replaced when its ClientHello names it.</summary>
        public const string ServerNamePlaceholder = "<the board's server name>";

        private const string Tool = CertsTool.Run;

        /// <summary>Every cause, in the enum's order.</summary>
        public static FailureCause[] All { get; } = (FailureCause[])Enum.GetValues(typeof(FailureCause));

        // After All: static fields are initialized in the order they are written.
        private static readonly CauseDescription[] Descriptions = Build();

        /// <summary>The description of a cause.</summary>
        /// <param name="cause">The cause.</param>
        /// <returns>Its code, title and fix.</returns>
        public static CauseDescription Describe(FailureCause cause)
        {
            return Descriptions[(int)cause];
        }

        private static CauseDescription[] Build()
        {
            var all = new CauseDescription[All.Length];
            void Add(FailureCause cause, string code, string title, string fix)
            {
                all[(int)cause] = new CauseDescription(code, title, fix);
            }

            string deviceCertificate = "then " + Tool + " embed --device, rebuild and deploy";
            Add(FailureCause.UntrustedServer, "untrusted-server",
                "the board does not trust this server's certificate: its firmware holds another CA",
                "put this server's CA into the firmware: " + Tool + " embed, then rebuild and deploy (nf-build/deploy); or, if the board belongs to another PKI, start this server with that PKI's certificate (--cert, --key)");
            Add(FailureCause.ServerNameRefused, "server-name-refused",
                "the board refused this server's certificate, most likely because it does not carry the name the board connects to",
                "make a server certificate with that name: " + Tool + " server --name " + ServerNamePlaceholder + " --ip " + ServerFacts.AddressToken + ", then restart the server; or set the board's ServerHost (or TlsHostName) to a name the certificate carries (" + ServerFacts.NamesToken + ")");
            Add(FailureCause.ServerCertificateExpired, "server-certificate-expired",
                "the board says this server's certificate has expired (or the board's clock runs far ahead)",
                "renew it: " + Tool + " server, then restart the server; if the banner shows it still valid, the board's clock is wrong");
            Add(FailureCause.ServerCertificateRefused, "server-certificate-refused",
                "the board refused this server's certificate without a precise reason; on a board that most often means its clock is not set, so the certificate looks not yet valid",
                "let the board get the time (internet SNTP, or this server's SNTP: " + ServerFacts.SntpToken + "), then try again; " + Tool + " check --at <the board's time> shows what the board sees");
            Add(FailureCause.ServerCertificateUnusable, "server-certificate-unusable",
                "the board cannot use this server's certificate: its key type, size or usage is not one the board takes",
                "make an ECDSA P-256 server certificate: " + Tool + " server --algorithm ecdsa-p256, then restart the server; " + Tool + " check names what the board refuses");
            Add(FailureCause.TlsVersion, "tls-version",
                "the client and this server have no TLS version in common: this server speaks TLS 1.2 and 1.3",
                "let the client use TLS 1.2 or 1.3 (the board's firmware does: deploy the current one); to try by hand: openssl s_client -tls1_2");
            Add(FailureCause.NoCommonCipher, "no-common-cipher",
                "the client and this server have no cipher, curve or signature method in common",
                "a client that cannot do ECDSA needs an RSA server certificate: " + Tool + " server --algorithm rsa-2048, then restart the server (the boards' mbedTLS does ECDSA)");
            Add(FailureCause.CorruptHandshake, "corrupt-handshake",
                "the TLS handshake's messages did not check out: a TLS stack that gets the protocol wrong, or bytes changed on the way",
                "update the client's firmware or TLS library; run the simulator against this server (nf-build/demo) to tell the server from the client; check the Wi-Fi link");
            Add(FailureCause.ClientAlert, "client-alert",
                "the client ended the TLS handshake with an alert this server has no advice for",
                "the reason is on the client's side: read its log (a board prints the mbedTLS error)");
            Add(FailureCause.TlsOther, "tls-other",
                "the TLS handshake failed for a reason this server has no advice for",
                "look up OpenSSL's reason (in the details) together with the client's log");
            Add(FailureCause.ClientCertificateMissing, "client-cert-missing",
                "the board sent no device certificate, and this server requires one (--require-client-cert)",
                "make one: " + Tool + " device --mac <the board's MAC>, " + deviceCertificate + " with UseClientCertificate on; or start the server without --require-client-cert");
            Add(FailureCause.ClientCertificateOtherCa, "client-cert-other-ca",
                "the board's device certificate was not made by the CA this server trusts",
                "make it again from this server's CA: " + Tool + " device --id " + DeviceIdPlaceholder + ", " + deviceCertificate + "; or start the server with --client-ca <the CA that made it>");
            Add(FailureCause.ClientCertificateExpired, "client-cert-expired",
                "the board's device certificate has expired",
                "make a new one: " + Tool + " device --id " + DeviceIdPlaceholder + ", " + deviceCertificate + " (if the date looks wrong, check this machine's clock)");
            Add(FailureCause.ClientCertificateNotYetValid, "client-cert-not-yet-valid",
                "the board's device certificate is not valid yet: this machine's clock is behind, or the certificate was made for later",
                "check this machine's clock; or make the certificate again: " + Tool + " device --id " + DeviceIdPlaceholder + ", " + deviceCertificate);
            Add(FailureCause.ClientCertificateRefused, "client-cert-refused",
                "the board's device certificate was refused: it is not one a device may use",
                "make it with the project's tool, which sets what a device certificate needs: " + Tool + " device --id " + DeviceIdPlaceholder + ", " + deviceCertificate);
            Add(FailureCause.NotADevice, "client-cert-not-a-device",
                "the client certificate names no device (its CN is not 4 hex digits such as 0FAC), so every request it makes gets X",
                "make a device certificate: " + Tool + " device --id " + DeviceIdPlaceholder + " (or --mac), " + deviceCertificate);
            Add(FailureCause.OtherDevice, "other-device",
                "the board asked for another device than its certificate names (a certificate may read and write its own device only), so it got X",
                "each board needs its own certificate: " + Tool + " device --mac <this board's MAC>, " + deviceCertificate + " to this board");
            Add(FailureCause.PlainOnTlsPort, "plain-on-tls-port",
                "plain WWEP came to the TLS port: the client is set to plain but uses the TLS port",
                "send plain WWEP to the plain port (" + ServerFacts.PlainPortToken + "; the board's PlainPort), or set the board's Mode to Tls");
            Add(FailureCause.TlsOnPlainPort, "tls-on-plain-port",
                "a TLS handshake came to the plain port: the client is set to TLS but uses the plain port",
                "use the TLS port for TLS (" + ServerFacts.TlsPortToken + "; the board's TlsPort), or set the board's Mode to Plain");
            Add(FailureCause.HttpOnWwepPort, "http-on-wwep-port",
                "a web browser or another HTTP client opened a WWEP port",
                "the classroom view is " + ServerFacts.WebToken + "; the WWEP ports speak only WWEP");
            Add(FailureCause.NotTls, "not-tls",
                "bytes that are neither TLS nor WWEP came to the TLS port",
                "that program speaks neither (a port scanner, or a client of another service): nothing to fix on a board");
            Add(FailureCause.ClosedBeforeHello, "closed-before-hello",
                "connected to the TLS port and closed without sending anything (a port check, or a client that gave up at once)",
                "nothing to fix for a port check; a board that does this: read its log");
            Add(FailureCause.SilentBeforeHello, "silent-before-hello",
                "connected to the TLS port and sent nothing until the handshake time limit: no TLS handshake began",
                "a WWEP client speaks first: check that this one speaks TLS on this port (a plain client belongs on the plain port); --handshake-timeout sets the limit");
            Add(FailureCause.StalledMidHandshake, "stalled-mid-handshake",
                "began the TLS handshake, then stopped answering until the time limit (lost Wi-Fi, out of memory, or very slow)",
                "check the board's Wi-Fi and its log; a board without PSRAM may run out of memory for TLS: restart it; --handshake-timeout sets the limit");
            Add(FailureCause.VanishedMidHandshake, "vanished-mid-handshake",
                "closed the connection in the middle of the TLS handshake without saying why",
                "read the client's log: a client that does not trust this server's certificate may end like this (then " + Tool + " embed, rebuild and deploy)");
            Add(FailureCause.ClosedAfterHandshake, "closed-after-handshake",
                "finished the TLS handshake, then closed without a request: a .NET client, such as the simulator, that refuses this server's certificate or its name ends exactly like this, without saying why",
                "give the client this server's CA (the simulator: --ca certs/ca.crt.pem; a board: " + Tool + " embed, rebuild and deploy) and connect with a name the certificate carries (" + Tool + " check --host <the name>)");
            return all;
        }
    }
}
