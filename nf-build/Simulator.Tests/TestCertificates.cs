using System;
using System.Security.Cryptography.X509Certificates;

namespace WwepSimulator.Tests
{
    /// <summary>TEST ONLY certificates made in memory for one test run.</summary>
    internal static class TestCertificates
    {
        /// <summary>A CA valid from a year ago for ten years.</summary>
        public static X509Certificate2 Ca(string name)
        {
            return DemoPki.CreateCa(name, DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(9));
        }

        /// <summary>A server certificate with its key, in a form SslStream serves on every platform.</summary>
        public static X509Certificate2 Server(X509Certificate2 ca, string dnsName, DateTimeOffset notBefore, DateTimeOffset notAfter)
        {
            using X509Certificate2 issued = DemoPki.IssueServer(ca, dnsName, notBefore, notAfter);
            return X509CertificateLoader.LoadPkcs12(issued.Export(X509ContentType.Pkcs12), null);
        }

        /// <summary>A server certificate valid from an hour ago for 30 days.</summary>
        public static X509Certificate2 Server(X509Certificate2 ca, string dnsName)
        {
            return Server(ca, dnsName, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(30));
        }
    }
}
