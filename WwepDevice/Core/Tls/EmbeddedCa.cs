using System;

namespace WwepDevice.Core.Tls
{
    /// <summary>
    /// What the board knows of the CA certificate it embeds, as its X.509 parser read it: the facts a person needs when
    /// the firmware only says "verification failed".
    /// </summary>
    public sealed class EmbeddedCa
    {
        /// <summary>Records the facts.</summary>
        /// <param name="subject">The CA's subject name, as the platform prints it (for example <c>CN=WWEP Test CA</c>).</param>
        /// <param name="expiresUtc">The end of the CA certificate's validity.</param>
        public EmbeddedCa(string subject, DateTime expiresUtc)
        {
            Subject = subject == null ? string.Empty : subject;
            ExpiresUtc = expiresUtc;
        }

        /// <summary>The CA's subject name; empty when the platform gave none.</summary>
        public string Subject { get; private set; }

        /// <summary>The end of the CA certificate's validity.</summary>
        public DateTime ExpiresUtc { get; private set; }

        /// <summary>For a log line: the subject in quotes and its expiry date.</summary>
        /// <returns>For example <c>'CN=WWEP Test CA' (valid until 2036-11-28)</c>.</returns>
        public string Describe()
        {
            string name = Subject.Length > 0 ? "'" + Subject + "'" : "the embedded CA";
            return name + " (valid until " + TlsDiagnosis.FormatDate(ExpiresUtc) + ")";
        }
    }
}
