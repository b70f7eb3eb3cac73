namespace WwepCerts
{
    /// <summary>One line of the check report.</summary>
    /// <param name="Level">Ok, warning or error.</param>
    /// <param name="Rule">The rule it comes from.</param>
    /// <param name="Subject">The file it is about, for example "server.crt.pem".</param>
    /// <param name="Message">What was found and, for a problem, how to fix it.</param>
    public sealed record Finding(FindingLevel Level, CheckRule Rule, string Subject, string Message)
    {
        /// <summary>The rule as printed: "key-match", "expires-soon", ...</summary>
        public string RuleName => Rule switch
        {
            CheckRule.Readable => "readable",
            CheckRule.Chain => "chain",
            CheckRule.KeyMatch => "key-match",
            CheckRule.HostName => "host-name",
            CheckRule.NotYetValid => "not-yet-valid",
            CheckRule.Expired => "expired",
            CheckRule.ExpiresSoon => "expires-soon",
            CheckRule.Algorithm => "algorithm",
            CheckRule.Usage => "usage",
            CheckRule.DeviceId => "device-id",
            CheckRule.DerCopy => "der-copy",
            CheckRule.Embedded => "embedded",
            CheckRule.BoardCa => "board-ca",
            _ => Rule.ToString(),
        };

        /// <summary>The report line, for example <c>error [expired] server.crt.pem: ...</c>.</summary>
        /// <returns>One line.</returns>
        public override string ToString()
        {
            string level = Level switch
            {
                FindingLevel.Ok => "ok   ",
                FindingLevel.Warning => "WARN ",
                _ => "ERROR",
            };
            return level + " " + Subject + ": " + Message + (Level == FindingLevel.Ok ? string.Empty : " [" + RuleName + "]");
        }
    }
}
