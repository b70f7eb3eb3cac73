using WwepDevice.Core.Tls;
using Xunit;

namespace WwepCerts.Tests
{
    /// <summary>
    /// The firmware's ResourceId (which embed uses for the designer) against the IDs nanoFramework's tooling wrote
    /// into the official samples' designer files. The same pairs run on the nanoFramework test framework in
    /// WwepDevice.Tests/ResourceIdTests.cs; these keep them in this suite's CI run too.
    /// </summary>
    public sealed class ResourceIdAgreementTests
    {
        [Theory]
        [InlineData("DigiCertGlobalRootCA", 1766)]
        [InlineData("DigiCert_Global_G2_Azure", -5408)]
        [InlineData("DigiCert.Global.G2.Azure", -5408)]
        [InlineData("String1", 1228)]
        [InlineData("String2", 1225)]
        public void IdsEqualTheNanoFrameworkToolings(string name, short expected)
        {
            Assert.Equal(expected, ResourceId.FromName(name));
            Assert.Equal(expected, ResourceDesigner.IdOf(name));
        }

        [Fact]
        public void TheDesignerCarriesTheIdsOfTheFirmwaresResourceNames()
        {
            ResxEntry[] entries =
            {
                new(FirmwareResources.CaCertificateName, "Resources\\ca.crt.der", ResxEntry.ByteArrayType),
                new(FirmwareResources.DeviceCertificateName, "Resources\\device.crt.der", ResxEntry.ByteArrayType),
                new(FirmwareResources.DeviceKeyName, "Resources\\device.key.der", ResxEntry.ByteArrayType),
            };

            DesignerIds ids = ResourceDesigner.Read(ResourceDesigner.Generate("WwepDevice", entries));

            Assert.Equal("WwepDevice", ids.Namespace);
            Assert.Equal("WwepDevice.Resources", ids.ResourceManagerName);
            Assert.Equal(ResourceId.FromName("CaCertificate"), ids.Ids["CaCertificate"]);
            Assert.Equal(ResourceId.FromName("DeviceCertificate"), ids.Ids["DeviceCertificate"]);
            Assert.Equal(ResourceId.FromName("DeviceKey"), ids.Ids["DeviceKey"]);
        }

        [Fact]
        public void AnExplicitIdInTheResxNameIsUsedAsTheToolingDoes()
        {
            ResxEntry[] entries = { new("Blob;0x0010", "Resources\\blob.bin", ResxEntry.ByteArrayType) };

            DesignerIds ids = ResourceDesigner.Read(ResourceDesigner.Generate("WwepDevice", entries));

            Assert.Equal(16, ids.Ids["Blob"]);
        }
    }
}
