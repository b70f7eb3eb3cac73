using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace WwepCerts.Tests
{
    /// <summary>The embed verb: what it writes, that check passes right after it, and that it loses nothing.</summary>
    public sealed class EmbedTests : IDisposable
    {
        private readonly TempPki _pki = new();

        public void Dispose()
        {
            _pki.Dispose();
        }

        [Fact]
        public void EmbeddingTheCaWritesDerResxAndDesignerThatCheckAccepts()
        {
            ToolRun embed = _pki.Run("embed");
            ToolRun check = _pki.Run("check");

            Assert.Equal(0, embed.ExitCode);
            Assert.Equal(0, check.ExitCode);
            Assert.Equal(File.ReadAllBytes(_pki.Files.CaCertificateDer), File.ReadAllBytes(_pki.Firmware.CaCertificatePath));
            IReadOnlyList<ResxEntry> entries = ResxDocument.Read(_pki.Firmware.ResxPath);
            ResxEntry ca = Assert.Single(entries);
            Assert.Equal("CaCertificate", ca.Name);
            Assert.Equal("Resources\\ca.crt.der", ca.FileReference);
            Assert.StartsWith("System.Byte[], mscorlib", ca.TypeName);
            Assert.False(File.Exists(_pki.Firmware.DeviceKeyPath));
        }

        [Fact]
        public void EmbeddingTheDeviceAddsItsCertificateAndKeyAndCheckStillPasses()
        {
            ToolRun embed = _pki.Run("embed", "--device");
            ToolRun check = _pki.Run("check");

            Assert.Equal(0, embed.ExitCode);
            Assert.True(check.ExitCode == 0, check.ToString());
            Assert.Equal(new[] { "CaCertificate", "DeviceCertificate", "DeviceKey" }, ResxDocument.Read(_pki.Firmware.ResxPath).Select(e => e.Name));
            DesignerIds designer = ResourceDesigner.Read(File.ReadAllText(_pki.Firmware.DesignerPath));
            Assert.Equal(3, designer.Ids.Count);
            Assert.Equal(File.ReadAllBytes(_pki.Files.DeviceCertificateDer), File.ReadAllBytes(_pki.Firmware.DeviceCertificatePath));
            Assert.Equal(File.ReadAllBytes(_pki.Files.DeviceKeyDer), File.ReadAllBytes(_pki.Firmware.DeviceKeyPath));
            Assert.Contains(check.Lines("ok"), line => line.Contains("device.key.der: belongs to device.crt.pem", StringComparison.Ordinal));
        }

        [Fact]
        public void EmbeddingWithoutDeviceAfterwardsRemovesTheDeviceCopies()
        {
            Assert.Equal(0, _pki.Run("embed", "--device").ExitCode);

            ToolRun embed = _pki.Run("embed");

            Assert.Equal(0, embed.ExitCode);
            Assert.Contains("removed", embed.Output);
            Assert.False(File.Exists(_pki.Firmware.DeviceCertificatePath));
            Assert.False(File.Exists(_pki.Firmware.DeviceKeyPath));
            Assert.True(File.Exists(_pki.Files.DeviceKeyDer), "the original in certs/ stays");
            Assert.Single(ResxDocument.Read(_pki.Firmware.ResxPath));
            Assert.Equal(0, _pki.Run("check").ExitCode);
        }

        [Fact]
        public void AnEmbeddedKeyThatIsNotACopyIsNeverDeleted()
        {
            Directory.CreateDirectory(_pki.Firmware.ResourceFolder);
            byte[] foreign = { 1, 2, 3 };
            File.WriteAllBytes(_pki.Firmware.DeviceKeyPath, foreign);
            byte[] resxBefore = File.ReadAllBytes(_pki.Firmware.ResxPath);

            ToolRun embed = _pki.Run("embed");

            Assert.Equal(1, embed.ExitCode);
            Assert.Contains("is not a copy of", embed.Error);
            Assert.Contains("nothing was changed", embed.Error);
            Assert.Equal(foreign, File.ReadAllBytes(_pki.Firmware.DeviceKeyPath));
            Assert.Equal(resxBefore, File.ReadAllBytes(_pki.Firmware.ResxPath));
        }

        [Fact]
        public void OtherBinaryResourcesAreKeptWithTheToolingsIds()
        {
            // Two entries named as in nanoFramework's SecureClient sample, whose designer file the tooling generated:
            // DigiCertGlobalRootCA = 1766, DigiCert_Global_G2_Azure = -5408.
            Directory.CreateDirectory(_pki.Firmware.ResourceFolder);
            File.WriteAllBytes(Path.Combine(_pki.Firmware.ResourceFolder, "a.cer"), new byte[] { 0x30, 0x00 });
            File.WriteAllBytes(Path.Combine(_pki.Firmware.ResourceFolder, "b.cer"), new byte[] { 0x30, 0x00 });
            List<ResxEntry> entries = new(ResxDocument.Read(_pki.Firmware.ResxPath))
            {
                new("DigiCertGlobalRootCA", "Resources\\a.cer", ResxEntry.ByteArrayType),
                new("DigiCert.Global.G2.Azure", "Resources\\b.cer", ResxEntry.ByteArrayType),
            };
            ResxDocument.Write(_pki.Firmware.ResxPath, entries);

            ToolRun embed = _pki.Run("embed");
            string designer = File.ReadAllText(_pki.Firmware.DesignerPath);

            Assert.Equal(0, embed.ExitCode);
            Assert.Equal(3, ResxDocument.Read(_pki.Firmware.ResxPath).Count);
            Assert.Contains("            DigiCertGlobalRootCA = 1766,\n", designer);
            Assert.Contains("            DigiCert_Global_G2_Azure = -5408,\n", designer);

            // The tooling sorts the enum by ID.
            int ca = designer.IndexOf("CaCertificate = -30540", StringComparison.Ordinal);
            int azure = designer.IndexOf("DigiCert_Global_G2_Azure = -5408", StringComparison.Ordinal);
            int root = designer.IndexOf("DigiCertGlobalRootCA = 1766", StringComparison.Ordinal);
            Assert.True(ca < azure && azure < root, designer);
            Assert.Equal(0, _pki.Run("check").ExitCode);
        }

        [Fact]
        public void AStringResourceMakesEmbedRefuseAndChangeNothing()
        {
            string resx = File.ReadAllText(_pki.Firmware.ResxPath);
            string withString = resx.Replace("</root>", "  <data name=\"Greeting\" xml:space=\"preserve\">\n    <value>hello</value>\n  </data>\n</root>", StringComparison.Ordinal);
            File.WriteAllText(_pki.Firmware.ResxPath, withString);
            byte[] designerBefore = File.ReadAllBytes(_pki.Firmware.DesignerPath);

            ToolRun embed = _pki.Run("embed", "--device");

            Assert.Equal(1, embed.ExitCode);
            Assert.Contains("'Greeting'", embed.Error);
            Assert.Equal(withString, File.ReadAllText(_pki.Firmware.ResxPath));
            Assert.Equal(designerBefore, File.ReadAllBytes(_pki.Firmware.DesignerPath));
            Assert.False(File.Exists(_pki.Firmware.DeviceCertificatePath));
        }

        [Fact]
        public void TheDesignerHasTheShapeTheNanoFrameworkToolingGenerates()
        {
            string designer = File.ReadAllText(_pki.Firmware.DesignerPath);

            Assert.StartsWith("//------------------------------------------------------------------------------\n// <auto-generated>\n", designer);
            Assert.Contains("namespace WwepDevice\n{\n    \n    internal partial class Resources\n    {\n", designer);
            Assert.Contains("new System.Resources.ResourceManager(\"WwepDevice.Resources\", typeof(Resources).Assembly);", designer);
            Assert.Contains("        internal static byte[] GetBytes(Resources.BinaryResources id)\n        {\n            return ((byte[])(nanoFramework.Runtime.Native.ResourceUtility.GetObject(ResourceManager, id)));\n        }\n", designer);
            Assert.Contains("        [System.SerializableAttribute()]\n        internal enum BinaryResources : short\n        {\n            CaCertificate = -30540,\n        }\n", designer);
            Assert.EndsWith("    }\n}\n", designer);
        }

        [Fact]
        public void EmbedWithDeviceRefusesAKeyThatIsNotTheCertificates()
        {
            PemFiles.WriteKeyPem(_pki.Files.DeviceKeyPem, SigningKey.Generate(KeyAlgorithm.EcdsaP256), "crafted test input");

            ToolRun embed = _pki.Run("embed", "--device");

            Assert.Equal(1, embed.ExitCode);
            Assert.Contains("device.key.pem does not belong to device.crt.pem", embed.Error);
            Assert.False(File.Exists(_pki.Firmware.DeviceKeyPath));
        }
    }
}
