using System.Collections.Generic;
using System.Xml.Linq;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// <see cref="NanoProjectCheck"/> and <see cref="NanoPackageRules"/> on small project files made for the purpose:
    /// each rule must catch its own kind of mistake, or the check of the real files proves nothing.
    /// </summary>
    public sealed class NanoProjectCheckTests
    {
        private static XDocument Nfproj(params (string Include, string? HintPath)[] references)
        {
            XNamespace ns = "http://schemas.microsoft.com/developer/msbuild/2003";
            var group = new XElement(ns + "ItemGroup");
            foreach ((string include, string? hintPath) in references)
            {
                var reference = new XElement(ns + "Reference", new XAttribute("Include", include));
                if (hintPath != null)
                {
                    reference.Add(new XElement(ns + "HintPath", hintPath));
                }

                group.Add(reference);
            }

            return new XDocument(new XElement(ns + "Project", group));
        }

        private static XDocument PackagesConfig(params (string Id, string Version)[] packages)
        {
            var root = new XElement("packages");
            foreach ((string id, string version) in packages)
            {
                root.Add(new XElement("package", new XAttribute("id", id), new XAttribute("version", version), new XAttribute("targetFramework", "netnano1.0")));
            }

            return new XDocument(root);
        }

        private static readonly (string, string?) s_coreLibrary = ("mscorlib", @"..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll");

        [Fact]
        public void MatchingFilesHaveNoProblem()
        {
            List<string> problems = NanoProjectCheck.Check("App.nfproj",
                Nfproj(s_coreLibrary, ("System.Net", @"..\packages\nanoFramework.System.Net.1.11.61\lib\System.Net.dll")),
                PackagesConfig(("nanoFramework.CoreLibrary", "1.17.11"), ("nanoFramework.System.Net", "1.11.61")));

            Assert.Empty(problems);
        }

        [Fact]
        public void HintPathAtAnotherVersionThanPackagesConfigIsNamedWithBothVersions()
        {
            List<string> problems = NanoProjectCheck.Check("App.nfproj",
                Nfproj(s_coreLibrary, ("System.Net", @"..\packages\nanoFramework.System.Net.1.11.60\lib\System.Net.dll")),
                PackagesConfig(("nanoFramework.CoreLibrary", "1.17.11"), ("nanoFramework.System.Net", "1.11.62")));

            string problem = Assert.Single(problems);
            Assert.Contains("names 1.11.60 of nanoFramework.System.Net, but packages.config has 1.11.62", problem);
        }

        [Fact]
        public void ReferenceToAPackageNotInPackagesConfigIsCaught()
        {
            List<string> problems = NanoProjectCheck.Check("App.nfproj",
                Nfproj(s_coreLibrary, ("System.Net.Http", @"..\packages\nanoFramework.System.Net.Http.1.5.0\lib\System.Net.Http.dll")),
                PackagesConfig(("nanoFramework.CoreLibrary", "1.17.11")));

            Assert.Contains("(nanoFramework.System.Net.Http.1.5.0) that packages.config does not list", Assert.Single(problems));
        }

        [Fact]
        public void PackageThatNothingReferencesIsCaught()
        {
            List<string> problems = NanoProjectCheck.Check("App.nfproj",
                Nfproj(s_coreLibrary),
                PackagesConfig(("nanoFramework.CoreLibrary", "1.17.11"), ("nanoFramework.System.Text", "1.3.42")));

            Assert.Equal("packages.config lists nanoFramework.System.Text 1.3.42, but App.nfproj references none of its assemblies", Assert.Single(problems));
        }

        [Theory]
        [InlineData(@"..\packages\nanoFramework.CoreLibrary.1.17.11\mscorlib.dll")]
        [InlineData(@"../packages/nanoFramework.CoreLibrary.1.17.11/lib/mscorlib.dll")]
        [InlineData(@"C:\nuget\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll")]
        public void HintPathOfAnotherShapeIsCaught(string hintPath)
        {
            List<string> problems = NanoProjectCheck.Check("App.nfproj",
                Nfproj(("mscorlib", hintPath)),
                PackagesConfig(("nanoFramework.CoreLibrary", "1.17.11")));

            Assert.Contains(problems, problem => problem.Contains("is not of the form ..\\packages\\<Id>.<Version>\\lib\\<file>"));
        }

        [Fact]
        public void ReferenceWithoutHintPathAndNameThatDiffersFromTheFileAreCaught()
        {
            List<string> problems = NanoProjectCheck.Check("App.nfproj",
                Nfproj(("System", null), ("System.Threading", @"..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll")),
                PackagesConfig(("nanoFramework.CoreLibrary", "1.17.11")));

            Assert.Equal(2, problems.Count);
            Assert.Contains("<Reference Include=\"System\"> has no HintPath", problems[0]);
            Assert.Contains("points at mscorlib.dll: the assembly name and the file must match", problems[1]);
        }

        [Theory]
        [InlineData("nanoFramework.CoreLibrary", "2.0.0-preview.19", "is a prerelease")]
        [InlineData("nanoFramework.CoreLibrary", "1.16.1", "is older than the platform notes' 1.17.11")]
        [InlineData("nanoFramework.CoreLibrary", "2.0.0", "leaves the 1.x line")]
        [InlineData("nanoFramework.TestFramework", "2.1.100", "leaves the 3.x line")]
        [InlineData("nanoFramework.System.Collections", "2.0.1", "is not a 1.x version")]
        public void VersionOutsideTheRulesIsCaught(string id, string version, string expected)
        {
            string? problem = NanoPackageRules.VersionProblem(id, version);

            Assert.NotNull(problem);
            Assert.Contains(expected, problem);
        }

        [Theory]
        [InlineData("nanoFramework.CoreLibrary", "1.17.11")]
        [InlineData("nanoFramework.CoreLibrary", "1.18.3")]
        [InlineData("nanoFramework.TestFramework", "3.0.80")]
        [InlineData("nanoFramework.System.Collections", "1.5.67")]
        public void VersionWithinTheRulesPasses(string id, string version)
        {
            Assert.Null(NanoPackageRules.VersionProblem(id, version));
        }

        [Fact]
        public void ProjectsThatShareAPackageAtDifferentVersionsAreCaught()
        {
            var ignored = new List<string>();
            var app = ("App", NanoProjectCheck.ReadPackages(PackagesConfig(("nanoFramework.CoreLibrary", "1.17.11")), ignored));
            var tests = ("Tests", NanoProjectCheck.ReadPackages(PackagesConfig(("nanoFramework.CoreLibrary", "1.17.12")), ignored));

            List<string> problems = NanoProjectCheck.CheckSameVersions(new[] { app, tests });

            Assert.Equal("nanoFramework.CoreLibrary differs between projects: App has 1.17.11, Tests has 1.17.12", Assert.Single(problems));
        }
    }
}
