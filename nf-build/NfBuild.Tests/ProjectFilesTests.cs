using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// The repository's own nanoFramework project files, checked with <see cref="NanoProjectCheck"/> and
    /// <see cref="ResourceDesignerCheck"/>. No nanoFramework toolchain runs in CI, so these checks are what stands
    /// between a mismatched reference and a build that fails only on a developer's machine.
    /// </summary>
    public sealed class ProjectFilesTests
    {
        private static readonly XNamespace s_msbuild = "http://schemas.microsoft.com/developer/msbuild/2003";

        private static readonly string[] s_projects =
        {
            "WwepDevice/WwepDevice.nfproj",
            "WwepDevice/Core/WwepDevice.Core.nfproj",
            "WwepDevice.Tests/WwepDevice.Tests.nfproj",
        };

        /// <summary>Each nanoFramework project (it has a packages.config beside it).</summary>
        public static TheoryData<string> Projects => new TheoryData<string>(s_projects);

        [Theory]
        [MemberData(nameof(Projects))]
        public void ReferencesAndPackagesConfigAgree(string project)
        {
            string path = RepositoryPaths.Combine(project);
            XDocument nfproj = XDocument.Load(path);
            XDocument packages = XDocument.Load(Path.Combine(Path.GetDirectoryName(path)!, "packages.config"));

            List<string> problems = NanoProjectCheck.Check(project, nfproj, packages);

            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.NotEmpty(nfproj.Descendants(s_msbuild + "Reference"));
        }

        [Fact]
        public void ProjectsUseTheSameVersionOfEveryPackageTheyShare()
        {
            var projects = s_projects.Select(project =>
            {
                var ignored = new List<string>();
                string config = Path.Combine(Path.GetDirectoryName(RepositoryPaths.Combine(project))!, "packages.config");
                return (project, NanoProjectCheck.ReadPackages(XDocument.Load(config), ignored));
            }).ToList();

            List<string> problems = NanoProjectCheck.CheckSameVersions(projects);

            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.Contains(projects, project => project.Item2.Any(package => package.Id == "nanoFramework.CoreLibrary"));
        }

        [Fact]
        public void ResourcesDesignerMatchesResourcesResx()
        {
            XDocument nfproj = XDocument.Load(RepositoryPaths.Combine("WwepDevice/WwepDevice.nfproj"));
            string rootNamespace = nfproj.Descendants(s_msbuild + "RootNamespace").Single().Value;
            XDocument resx = XDocument.Load(RepositoryPaths.Combine("WwepDevice/Resources.resx"));
            string designer = File.ReadAllText(RepositoryPaths.Combine("WwepDevice/Resources.Designer.cs"));

            List<string> problems = ResourceDesignerCheck.Check(resx, designer, rootNamespace);

            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.NotEmpty(resx.Root!.Elements("data"));
        }

        [Fact]
        public void ProjectCompilesTheDesignerAndEmbedsTheResxWhoseFilesExist()
        {
            XDocument nfproj = XDocument.Load(RepositoryPaths.Combine("WwepDevice/WwepDevice.nfproj"));
            XDocument resx = XDocument.Load(RepositoryPaths.Combine("WwepDevice/Resources.resx"));

            Assert.Contains(nfproj.Descendants(s_msbuild + "EmbeddedResource"), item => (string?)item.Attribute("Include") == "Resources.resx");
            Assert.Contains(nfproj.Descendants(s_msbuild + "Compile"), item => (string?)item.Attribute("Include") == "Resources.Designer.cs");
            string[] missing = resx.Root!.Elements("data")
                .Where(data => ((string?)data.Attribute("type") ?? string.Empty).Contains("ResXFileRef"))
                .Select(data => ((string?)data.Element("value") ?? string.Empty).Split(';')[0].Replace('\\', '/'))
                .Where(file => !File.Exists(RepositoryPaths.Combine("WwepDevice/" + file)))
                .ToArray();
            Assert.True(missing.Length == 0, "Resources.resx embeds files a fresh clone lacks: " + string.Join(", ", missing));
        }
    }
}
