using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Protocol;

namespace WwepDevice.Tests
{
    [TestClass]
    public class DeviceIdentityTests
    {
        [TestMethod]
        public void SeedMacGives02E8()
        {
            // From the course chapter: C4:7F:51:01:6A:E9 -> 0xC4+0x7F+0x51+0x01+0x6A+0xE9 = 0x02E8.
            byte[] mac = DeviceIdentity.ParseMac("C4:7F:51:01:6A:E9");
            Assert.AreEqual(0x02E8, DeviceIdentity.FromMac(mac));
            Assert.AreEqual("02E8", DeviceIdentity.ToHex(DeviceIdentity.FromMac(mac)));
        }

        [DataRow("24:0A:C4:12:34:56", "018E")]
        [DataRow("00:00:00:00:00:00", "0000")]
        [DataRow("FF:FF:FF:FF:FF:FF", "05FA")]
        [DataRow("30-AE-A4-07-0D-64", "01FA")]
        [DataRow("a4cf12abcdef", "03EC")]
        public void RealMacsGiveTheirSums(string mac, string expected)
        {
            Assert.AreEqual(expected, DeviceIdentity.ToHex(DeviceIdentity.FromMac(DeviceIdentity.ParseMac(mac))));
        }

        [TestMethod]
        public void AMacThatIsNotSixBytesIsAClearError()
        {
            try
            {
                DeviceIdentity.FromMac(new byte[] { 1, 2, 3, 4, 5 });
                Assert.IsTrue(false, "a 5-byte MAC must be refused");
            }
            catch (ArgumentException ex)
            {
                Assert.IsTrue(ex.Message.IndexOf("6 bytes") >= 0, ex.Message);
                Assert.IsTrue(ex.Message.IndexOf("5") >= 0, ex.Message);
            }

            Assert.ThrowsException(typeof(ArgumentException), () => DeviceIdentity.FromMac(null));
            Assert.ThrowsException(typeof(ArgumentException), () => DeviceIdentity.FromMac(new byte[8]));
        }

        [DataRow("")]
        [DataRow("C4:7F:51:01:6A")]
        [DataRow("C4:7F:51:01:6A:E9:00")]
        [DataRow("C4:7F:51:01:6A:EG")]
        [DataRow("C4:7F:51:01:6A:E")]
        public void MalformedMacTextIsRefused(string text)
        {
            Assert.ThrowsException(typeof(ArgumentException), () => DeviceIdentity.ParseMac(text));
        }

        [TestMethod]
        public void DeviceIdHexAlwaysHasFourUppercaseDigits()
        {
            Assert.AreEqual("000A", DeviceIdentity.ToHex(10));
            Assert.AreEqual("FFFF", DeviceIdentity.ToHex(0xFFFF));
            Assert.AreEqual("0FAC", DeviceIdentity.ToHex(0x0FAC));
        }

        [TestMethod]
        public void DeviceIdTextParsesOnlyFourHexDigits()
        {
            int id;
            Assert.IsTrue(DeviceIdentity.TryParseHex("0fac", out id));
            Assert.AreEqual(0x0FAC, id);
            Assert.IsFalse(DeviceIdentity.TryParseHex("FAC", out id));
            Assert.IsFalse(DeviceIdentity.TryParseHex("0FACE", out id));
            Assert.IsFalse(DeviceIdentity.TryParseHex("0FAZ", out id));
            Assert.IsFalse(DeviceIdentity.TryParseHex(null, out id));
        }
    }
}
