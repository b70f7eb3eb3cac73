using System.Collections.Generic;
using System.Xml.Linq;
using WwepDevice.Core.Tls;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary><see cref="ResourceDesignerCheck"/> on small resx and designer texts made for the purpose.</summary>
    public sealed class ResourceDesignerCheckTests
    {
        private static XDocument Resx(params (string Name, bool IsFile)[] entries)
        {
            var root = new XElement("root");
            foreach ((string name, bool isFile) in entries)
            {
                root.Add(isFile
                    ? new XElement("data", new XAttribute("name", name), new XAttribute("type", "System.Resources.ResXFileRef, System.Windows.Forms"),
                        new XElement("value", @"Resources\" + name + ".der;System.Byte[], mscorlib"))
                    : new XElement("data", new XAttribute("name", name), new XElement("value", "text")));
            }

            return new XDocument(root);
        }

        private static string Designer(string managerName, string enums)
        {
            return "namespace App\n{\n    internal partial class Resources\n    {\n        private static System.Resources.ResourceManager manager;\n"
                + "        internal static System.Resources.ResourceManager ResourceManager { get { return manager ?? (manager = new System.Resources.ResourceManager(\""
                + managerName + "\", typeof(Resources).Assembly)); } }\n" + enums + "\n    }\n}\n";
        }

        private static string Enum(string kind, params (string Name, int Id)[] members)
        {
            string body = string.Empty;
            foreach ((string name, int id) in members)
            {
                body += "            " + name + " = " + id + ",\n";
            }

            return "        internal enum " + kind + " : short\n        {\n" + body + "        }\n";
        }

        [Fact]
        public void DesignerWrittenWithTheResourceIdsAgrees()
        {
            string designer = Designer("App.Resources",
                Enum("BinaryResources", ("CaCertificate", ResourceId.FromName("CaCertificate")))
                + Enum("StringResources", ("Greeting_Text", ResourceId.FromName("Greeting.Text"))));

            List<string> problems = ResourceDesignerCheck.Check(Resx(("CaCertificate", true), ("Greeting.Text", false)), designer, "App");

            Assert.Empty(problems);
        }

        [Fact]
        public void WrongIdIsCaughtWithTheRightOne()
        {
            short right = ResourceId.FromName("CaCertificate");
            string designer = Designer("App.Resources", Enum("BinaryResources", ("CaCertificate", right + 1)));

            List<string> problems = ResourceDesignerCheck.Check(Resx(("CaCertificate", true)), designer, "App");

            Assert.Contains("gives BinaryResources.CaCertificate the ID " + (right + 1) + ", but the name 'CaCertificate' makes " + right, Assert.Single(problems));
        }

        [Fact]
        public void ExplicitIdInTheResxNameIsHonoured()
        {
            string designer = Designer("App.Resources", Enum("BinaryResources", ("DeviceKey", 0x1234)));

            List<string> problems = ResourceDesignerCheck.Check(Resx(("DeviceKey;0x1234", true)), designer, "App");

            Assert.Empty(problems);
        }

        [Fact]
        public void EntryMissingFromEitherFileIsCaught()
        {
            string designer = Designer("App.Resources", Enum("BinaryResources", ("Stale", ResourceId.FromName("Stale"))));

            List<string> problems = ResourceDesignerCheck.Check(Resx(("CaCertificate", true)), designer, "App");

            Assert.Equal(2, problems.Count);
            Assert.Contains("Resources.resx has CaCertificate, but Resources.Designer.cs has no BinaryResources.CaCertificate", problems[0]);
            Assert.Contains("Resources.Designer.cs has BinaryResources.Stale, which Resources.resx does not define", problems[1]);
        }

        [Fact]
        public void ResourceInTheWrongEnumIsCaught()
        {
            string designer = Designer("App.Resources", Enum("StringResources", ("CaCertificate", ResourceId.FromName("CaCertificate"))));

            List<string> problems = ResourceDesignerCheck.Check(Resx(("CaCertificate", true)), designer, "App");

            Assert.Contains(problems, problem => problem.Contains("has no BinaryResources.CaCertificate"));
        }

        [Fact]
        public void ResourceManagerNamedAfterAnotherNamespaceIsCaught()
        {
            string designer = Designer("SecureClient.Resources", Enum("BinaryResources", ("CaCertificate", ResourceId.FromName("CaCertificate"))));

            List<string> problems = ResourceDesignerCheck.Check(Resx(("CaCertificate", true)), designer, "App");

            Assert.Contains("names its ResourceManager 'SecureClient.Resources', but the resources are built as 'App.Resources'", Assert.Single(problems));
        }

        [Fact]
        public void TwoMembersWithOneIdAreCaught()
        {
            string designer = Designer("App.Resources", Enum("BinaryResources", ("A", 7), ("B", 7)));

            List<string> problems = ResourceDesignerCheck.Check(Resx(("A;7", true), ("B;7", true)), designer, "App");

            Assert.Contains("BinaryResources A and B share the ID 7", Assert.Single(problems));
        }
    }
}
