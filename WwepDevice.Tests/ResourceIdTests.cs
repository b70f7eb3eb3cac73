using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Tls;

namespace WwepDevice.Tests
{
    [TestClass]
    public class ResourceIdTests
    {
        [TestMethod]
        public void IdsMatchTheOfficialSamplesDesignerFiles()
        {
            // Pairs read from the Resources.Designer.cs files that nanoFramework's own tooling generated
            // (nanoframework/Samples: SSL/SecureClient_WiFi and the string resource samples).
            Assert.AreEqual((short)1766, ResourceId.FromName("DigiCertGlobalRootCA"));
            Assert.AreEqual((short)-5408, ResourceId.FromName("DigiCert_Global_G2_Azure"));
            Assert.AreEqual((short)1228, ResourceId.FromName("String1"));
            Assert.AreEqual((short)1225, ResourceId.FromName("String2"));
        }

        [TestMethod]
        public void ADotInANameCountsAsAnUnderscore()
        {
            Assert.AreEqual(ResourceId.FromName("DigiCert_Global_G2_Azure"), ResourceId.FromName("DigiCert.Global.G2.Azure"));
            Assert.AreEqual(ResourceId.FromName("ca_crt"), ResourceId.FromName("ca.crt"));
            Assert.IsTrue(ResourceId.FromName("ca.crt") != ResourceId.FromName("cacrt"), "the dot is replaced, not dropped");
        }

        [TestMethod]
        public void EvenAndOddCharactersAreHashedApart()
        {
            // A plain sum of characters would give these pairs the same ID.
            Assert.IsTrue(ResourceId.FromName("ab") != ResourceId.FromName("ba"), "ab and ba must differ");
            Assert.IsTrue(ResourceId.FromName("String12") != ResourceId.FromName("String21"), "String12 and String21 must differ");
        }

        [TestMethod]
        public void TheFirmwaresResourceNamesHaveDistinctIds()
        {
            // The build task refuses two resources with one ID ("Duplicate id detected").
            short ca = ResourceId.FromName("CaCertificate");
            short certificate = ResourceId.FromName("DeviceCertificate");
            short key = ResourceId.FromName("DeviceKey");
            Assert.IsTrue(ca != certificate && ca != key && certificate != key, "CaCertificate, DeviceCertificate and DeviceKey collide");
        }

        [TestMethod]
        public void AnExplicitIdAfterASemicolonWins()
        {
            Assert.AreEqual((short)0x1234, ResourceId.FromName("DeviceKey;0x1234"));
            Assert.AreEqual((short)-1, ResourceId.FromName("DeviceKey;0xFFFF"));
            Assert.AreEqual((short)-5, ResourceId.FromName("DeviceKey; -5 "));
            Assert.AreEqual((short)32767, ResourceId.FromName("DeviceKey;32767"));
            Assert.AreEqual(ResourceId.FromName("DeviceKey"), ResourceId.FromName("DeviceKey;"));
        }

        [TestMethod]
        public void ABadNameIsAClearError()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => ResourceId.FromName(null));
            Assert.ThrowsException(typeof(ArgumentException), () => ResourceId.FromName(string.Empty));
            Assert.ThrowsException(typeof(ArgumentException), () => ResourceId.FromName("A;1;2"));
            Assert.ThrowsException(typeof(ArgumentException), () => ResourceId.FromName("A;0x10000"));
            Assert.ThrowsException(typeof(ArgumentException), () => ResourceId.FromName("A;32768"));
            Assert.ThrowsException(typeof(ArgumentException), () => ResourceId.FromName("A;twelve"));
            try
            {
                ResourceId.FromName("DeviceKey;0xZZ");
                Assert.IsTrue(false, "a non-hex explicit ID must be refused");
            }
            catch (ArgumentException ex)
            {
                Assert.IsTrue(ex.Message.IndexOf("0xZZ") >= 0, ex.Message);
                Assert.IsTrue(ex.Message.IndexOf("0x0000 to 0xFFFF") >= 0, ex.Message);
            }
        }
    }
}
