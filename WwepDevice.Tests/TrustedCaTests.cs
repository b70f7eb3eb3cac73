using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    // What the board trusts. Platform facts, the same at nf-interpreter 3367392a and a3e8139a:
    // src/PAL/COM/sockets/ssl/MbedTLS/ssl_generic_init_internal.cpp parses the stored CA bundle into the chain of
    // every handshake ("CA root certs from store"), ssl_add_cert_auth_internal.cpp adds the managed CA to the same
    // chain; System.Net v1.11.54 Security/CertificateManager.cs can only write the bundle. So the stored part is
    // the record nf-build/configure writes to I:\wwep-ca.conf when it stores the bundle.
    [TestClass]
    public class TrustedCaTests
    {
        private const int DeviceId = 0x02E8;
        private static readonly EmbeddedCa Embedded = new EmbeddedCa("CN=WWEP Test CA", new DateTime(2036, 11, 28));
        private static readonly DateTime SetClock = new DateTime(2026, 12, 1, 9, 30, 5);

        [TestMethod]
        public void TheEmbeddedCaIsNamedWithItsSource()
        {
            string[] lines = new TrustedCas(Embedded, "none").Lines();
            Assert.AreEqual("trusts CA 'CN=WWEP Test CA' (valid until 2036-11-28), embedded in the image", lines[0]);
            Assert.AreEqual("trusts no CA stored on the board (nf-build/configure --remove-ca emptied the bundle)", lines[1]);
            Assert.AreEqual(2, lines.Length);
        }

        [TestMethod]
        public void EveryStoredCaIsNamedWithItsSource()
        {
            TrustedCas trust = new TrustedCas(Embedded, "CN=Old CA until 2030-01-31; CN=Other CA until 2031-02-28");
            string[] lines = trust.Lines();
            Assert.AreEqual("trusts CA 'CN=Old CA' (valid until 2030-01-31), stored on the board by nf-build/configure", lines[1]);
            Assert.AreEqual("trusts CA 'CN=Other CA' (valid until 2031-02-28), stored on the board by nf-build/configure", lines[2]);
            Assert.AreEqual(3, lines.Length);
            Assert.AreEqual(3, trust.Count);
        }

        [TestMethod]
        public void AnUnrecordedBundleIsSaidToTrustMore()
        {
            string[] lines = new TrustedCas(Embedded, string.Empty).Lines();
            Assert.AreEqual(2, lines.Length);
            Assert.IsTrue(lines[1].StartsWith("trusts also any CA bundle stored on the board before"), lines[1]);
            Assert.IsTrue(lines[1].IndexOf("--remove-ca") > 0, lines[1]);
            Assert.AreEqual(1, new TrustedCas(Embedded, null).Count);
        }

        [TestMethod]
        public void AStoredEntryWithoutADateSaysSo()
        {
            string line = new TrustedCas(null, "CN=Bare CA").Lines()[0];
            Assert.AreEqual("trusts CA 'CN=Bare CA' (expiry not recorded), stored on the board by nf-build/configure", line);
        }

        [TestMethod]
        public void TheUnknownCaPhraseNamesEveryCa()
        {
            string both = new TrustedCas(Embedded, "CN=Old CA until 2030-01-31").Describe();
            Assert.AreEqual("'CN=WWEP Test CA' (valid until 2036-11-28) embedded in the image or 'CN=Old CA' (valid until 2030-01-31) stored on the board", both);
            string unrecorded = new TrustedCas(Embedded, string.Empty).Describe();
            Assert.IsTrue(unrecorded.EndsWith(" or a CA stored on the board that nf-build/configure did not record"), unrecorded);
        }

        [TestMethod]
        public void NewerUnknownCaLineNamesTheStoredCaToo()
        {
            // Newer native: NOT_TRUSTED arrives as verify flags 0x08 in a CryptographicException.
            WwepTransportException failure = Handshake("CryptographicException", TlsDiagnosis.FlagNotTrusted, false);
            Assert.AreEqual((int)TlsFailureCause.UnknownCa, (int)failure.TlsCause);
            Assert.IsTrue(failure.Message.IndexOf("signed by none of the CAs this board trusts ('CN=WWEP Test CA'") > 0, failure.Message);
            Assert.IsTrue(failure.Message.IndexOf("'CN=Old CA' (valid until 2030-01-31) stored on the board") > 0, failure.Message);
        }

        [TestMethod]
        public void NewerCodeEightWithAClientCertificateNamesTheTrustToo()
        {
            // With a client certificate 8 may also be SslError OwnCertConfigFailed; the unknown-CA reading names the CAs.
            WwepTransportException failure = Handshake("CryptographicException", 8, true);
            Assert.IsTrue(failure.Message.IndexOf("'CN=Old CA' (valid until 2030-01-31) stored on the board") > 0, failure.Message);
            Assert.IsTrue(failure.Message.IndexOf("OwnCertConfigFailed") > 0, failure.Message);
        }

        [TestMethod]
        public void OlderVerifyFailureNamesTheStoredCaToo()
        {
            // Older native: -0x2700 in a SocketException, no flags.
            WwepTransportException failure = Handshake("SocketException", TlsDiagnosis.ErrorVerifyFailed, false);
            Assert.AreEqual((int)TlsFailureCause.VerifyFailed, (int)failure.TlsCause);
            Assert.IsTrue(failure.Message.IndexOf("it is not from 'CN=WWEP Test CA' (valid until 2036-11-28) embedded in the image or 'CN=Old CA'") > 0, failure.Message);
        }

        [TestMethod]
        public void WithoutTheBoardsFactsBothSourcesAreStillNamed()
        {
            Assert.IsTrue(TlsDiagnosis.ExplainUnknownCa(null).IndexOf("the CA embedded in the firmware or a CA bundle stored on the board") > 0);
        }

        [TestMethod]
        public void PlainModeSaysNothingOfTls()
        {
            Assert.AreEqual(0, new TrustedCas(Embedded, "none").TlsLines(false, false).Length);
        }

        [TestMethod]
        public void TheTlsLinesStartWithTheVersionsOffered()
        {
            TrustedCas trust = new TrustedCas(Embedded, "none");
            Assert.AreEqual("TLS offers TLS 1.2 only (client certificate)", trust.TlsLines(true, true)[0]);
            Assert.AreEqual("TLS offers TLS 1.2 and 1.3", trust.TlsLines(true, false)[0]);
            Assert.AreEqual(3, trust.TlsLines(true, false).Length);
        }

        [TestMethod]
        public void TheBootLogListsTheTrust()
        {
            RecordingLog log = new RecordingLog();
            new TrustedCas(Embedded, "CN=Old CA until 2030-01-31").Report(true, false, log);
            Assert.AreEqual(3, log.Count);
            Assert.AreEqual(1, log.CountContaining("stored on the board by nf-build/configure"));
        }

        [TestMethod]
        public void TheStatusBlockListsTheTrustAfterTheServer()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Tls);
            ServerAddressCache addresses = new ServerAddressCache(rig.Settings, delegate(string host) { return new string[] { "192.168.4.2" }; }, rig.Clock, new RecordingLog());
            NetworkEvents network = new NetworkEvents(delegate(bool up) { }, addresses, null, rig.Controller);
            DeviceFacts facts = new DeviceFacts("WwepDevice", DeviceId, new byte[] { 1, 2, 3, 4, 5, 6 }, new string[0], "SNTP", delegate { return "192.168.4.7"; }, delegate { return -1; });
            TrustedCas trust = new TrustedCas(Embedded, "CN=Old CA until 2030-01-31");
            string[] lines = new StatusReport(facts, rig.Settings, rig.Controller, network, addresses, rig.Clock, null, trust, rig.Log).Lines();
            int server = -1;
            for (int i = 0; i < lines.Length; i++)
            {
                server = lines[i].StartsWith("  server: ") ? i : server;
            }

            Assert.AreEqual("  TLS offers TLS 1.2 and 1.3", lines[server + 1]);
            Assert.AreEqual("  trusts CA 'CN=WWEP Test CA' (valid until 2036-11-28), embedded in the image", lines[server + 2]);
            Assert.AreEqual("  trusts CA 'CN=Old CA' (valid until 2030-01-31), stored on the board by nf-build/configure", lines[server + 3]);
        }

        [TestMethod]
        public void TheRecordFileGivesTheRecord()
        {
            StoredCaRecord read = Record("# written by nf-build/configure\r\nStoredCa=CN=Old CA until 2030-01-31\r\n");
            Assert.AreEqual("CN=Old CA until 2030-01-31", read.Record);
            Assert.IsNull(read.Warning);
            Assert.AreEqual("none", Record("StoredCa=none\n").Record);
        }

        [TestMethod]
        public void NoRecordFileMeansNotRecordedWithoutAWarning()
        {
            StoredCaRecord read = StoredCaRecord.FromFile(SettingsFileRead.Missing());
            Assert.AreEqual(string.Empty, read.Record);
            Assert.IsNull(read.Warning);
        }

        [TestMethod]
        public void AnUnusableRecordWarnsAndCountsAsNotRecorded()
        {
            string[] files = { "LedPin=5\n", "StoredCa=none\nStoredCa=CN=X until 2030-01-31\n", "StoredCa=\n" };
            string[] said = { "line 1: not a StoredCa= line", "line 2: a second StoredCa line", "holds no StoredCa record" };
            for (int i = 0; i < files.Length; i++)
            {
                StoredCaRecord read = Record(files[i]);
                Assert.AreEqual(string.Empty, read.Record, files[i]);
                Assert.IsTrue(read.Warning.IndexOf(said[i]) > 0, read.Warning);
                Assert.IsTrue(read.Warning.IndexOf("--remove-ca") > 0, read.Warning);
            }

            string failed = StoredCaRecord.FromFile(SettingsFileRead.Failed("IOException", "bad sector")).Warning;
            Assert.IsTrue(failed.StartsWith("I:\\wwep-ca.conf could not be read (IOException: bad sector)"), failed);
        }

        [TestMethod]
        public void TheRecordIsNoSettingSoASettingsRunCannotLoseIt()
        {
            // configure rewrites I:\wwep.conf whole; a StoredCa line there is an unknown key, not a silent record.
            string file = "StoredCa=CN=Old CA until 2030-01-31\n";
            BoardSettingsOutcome board = BoardSettingsLoader.Load(new WwepSettings(), SettingsFileRead.Read(Ascii.Bytes(file), file.Length));
            Assert.IsFalse(board.IsUsable);
        }

        private static StoredCaRecord Record(string text)
        {
            return StoredCaRecord.FromFile(SettingsFileRead.Read(Ascii.Bytes(text), text.Length));
        }

        private static WwepTransportException Handshake(string type, int code, bool clientCertificate)
        {
            TrustedCas trust = new TrustedCas(Embedded, "CN=Old CA until 2030-01-31");
            return HandshakeFailure.FromPlatform(type, true, code, clientCertificate, new WwepSettings(), 40508, DeviceId, SetClock, trust);
        }
    }
}
