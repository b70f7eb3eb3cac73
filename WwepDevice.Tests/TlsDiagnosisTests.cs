using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Tls;

namespace WwepDevice.Tests
{
    [TestClass]
    public class TlsDiagnosisTests
    {
        [DataRow(0x08, 2)]
        [DataRow(0x04, 3)]
        [DataRow(0x01, 4)]
        [DataRow(0x0200, 5)]
        [DataRow(0x4000, 6)]
        [DataRow(0x010000, 6)]
        [DataRow(0x0C, 2)]
        [DataRow(0x0100, 7)]
        public void VerifyFlagsNameTheCauseToFixFirst(int flags, int expectedCause)
        {
            Assert.AreEqual(expectedCause, (int)TlsDiagnosis.FromVerifyFlags(flags), "flags " + TlsDiagnosis.FlagNames(flags));
        }

        [TestMethod]
        public void EnumValuesUsedByTheDataRowsAreStable()
        {
            Assert.AreEqual(2, (int)TlsFailureCause.UnknownCa);
            Assert.AreEqual(3, (int)TlsFailureCause.NameMismatch);
            Assert.AreEqual(4, (int)TlsFailureCause.CertificateExpired);
            Assert.AreEqual(5, (int)TlsFailureCause.CertificateNotYetValid);
            Assert.AreEqual(6, (int)TlsFailureCause.UnacceptableAlgorithm);
            Assert.AreEqual(7, (int)TlsFailureCause.VerifyFailed);
        }

        [TestMethod]
        public void MbedTlsErrorCodesMapToTheSeedsFailures()
        {
            Assert.AreEqual((int)TlsFailureCause.FatalAlert, (int)TlsDiagnosis.FromErrorCode(-0x7780));
            Assert.AreEqual((int)TlsFailureCause.ClientCertificateRefused, (int)TlsDiagnosis.FromErrorCode(-0x7480));
            Assert.AreEqual((int)TlsFailureCause.HandshakeReset, (int)TlsDiagnosis.FromErrorCode(-0x0050));
            Assert.AreEqual((int)TlsFailureCause.HandshakeReset, (int)TlsDiagnosis.FromErrorCode(-0x7280));
            Assert.AreEqual((int)TlsFailureCause.VerifyFailed, (int)TlsDiagnosis.FromErrorCode(-0x2700));
            Assert.AreEqual((int)TlsFailureCause.NoCommonProtocol, (int)TlsDiagnosis.FromErrorCode(-0x6E00));
            Assert.AreEqual((int)TlsFailureCause.OutOfMemory, (int)TlsDiagnosis.FromErrorCode(-0x7F00));
            Assert.AreEqual((int)TlsFailureCause.Unknown, (int)TlsDiagnosis.FromErrorCode(-0x1234));
        }

        [TestMethod]
        public void CodesAreWrittenAsMbedTlsDocumentsThem()
        {
            Assert.AreEqual("-0x7780", TlsDiagnosis.FormatCode(-0x7780));
            Assert.AreEqual("0x0008", TlsDiagnosis.FormatCode(8));
            Assert.AreEqual("0x010000", TlsDiagnosis.FormatCode(TlsDiagnosis.FlagBadKey), "a flag above 0xFFFF keeps its digits");
            Assert.AreEqual("CN_MISMATCH|NOT_TRUSTED", TlsDiagnosis.FlagNames(0x0C));
            Assert.AreEqual("none", TlsDiagnosis.FlagNames(0));
        }

        [TestMethod]
        public void UnknownCaLineNamesCauseAndFix()
        {
            string line = TlsDiagnosis.Line("wwep.local", 40508, TlsDiagnosis.FlagsEvidence("CryptographicException", 0x08), TlsDiagnosis.Explain(TlsFailureCause.UnknownCa, "wwep.local", 0x02E8, new DateTime(2026, 11, 21)));
            Assert.AreEqual("TLS handshake with wwep.local:40508 failed [CryptographicException, verify flags 0x0008 NOT_TRUSTED]: unknown CA: the server certificate is signed by none of the CAs this board trusts (the CA embedded in the firmware or a CA bundle stored on the board); embed the CA that issued it (dotnet run --project certs/tool -- embed), rebuild and deploy, or point the device at the right server", line);
        }

        [TestMethod]
        public void NameMismatchTellsWhichNameToPutInTheCertificate()
        {
            string text = TlsDiagnosis.Explain(TlsFailureCause.NameMismatch, "lab-pc.local", 0x02E8, new DateTime(2026, 11, 21));
            Assert.AreEqual("name mismatch: the server certificate does not name 'lab-pc.local'; reissue it with that name (dotnet run --project certs/tool -- server --name lab-pc.local) or set TlsHostName to a name it carries", text);
        }

        [TestMethod]
        public void ClientCertificateAdviceNamesThisDevice()
        {
            string text = TlsDiagnosis.Explain(TlsFailureCause.ClientCertificateRefused, "wwep.local", 0x02E8, new DateTime(2026, 11, 21));
            Assert.IsTrue(text.IndexOf("CN=02E8") > 0, text);
            Assert.IsTrue(text.IndexOf("certs/tool -- device --id 02E8") > 0, text);
        }

        [TestMethod]
        public void DateProblemsShowTheDeviceClock()
        {
            string expired = TlsDiagnosis.Explain(TlsFailureCause.CertificateExpired, "h", 1, new DateTime(2031, 2, 3));
            Assert.IsTrue(expired.IndexOf("(2031-02-03)") > 0, expired);
            string future = TlsDiagnosis.Explain(TlsFailureCause.CertificateNotYetValid, "h", 1, new DateTime(2025, 1, 9));
            Assert.IsTrue(future.IndexOf("(2025-01-09)") > 0, future);
        }

        [TestMethod]
        public void EveryCauseHasItsOwnExplanation()
        {
            string[] seen = new string[13];
            for (int cause = 0; cause <= 12; cause++)
            {
                string text = TlsDiagnosis.Explain((TlsFailureCause)cause, "h", 1, new DateTime(2026, 1, 1));
                Assert.IsTrue(text.Length > 20, "cause " + cause.ToString());
                for (int other = 0; other < cause; other++)
                {
                    Assert.IsFalse(seen[other] == text, "causes " + other.ToString() + " and " + cause.ToString() + " share a sentence");
                }

                seen[cause] = text;
            }
        }
    }
}
