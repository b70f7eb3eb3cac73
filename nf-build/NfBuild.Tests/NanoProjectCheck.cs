using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NfBuild.Tests
{
    /// <summary>
    /// Checks that a nanoFramework project's packages.config and its .nfproj agree. nanoFramework projects have no
    /// transitive package flow: each assembly is a &lt;Reference&gt; whose HintPath names the package folder that
    /// `nuget restore` creates (..\packages\&lt;Id&gt;.&lt;Version&gt;\lib\&lt;file&gt;), so a version bumped in
    /// one file and not the other builds against nothing, and a package nobody references is dead weight.
    /// </summary>
    public static class NanoProjectCheck
    {
        private static readonly XNamespace s_msbuild = "http://schemas.microsoft.com/developer/msbuild/2003";

        private static readonly Regex s_hintPath = new Regex(@"^(?:\.\.\\)+packages\\(?<folder>[^\\]+)\\lib\\(?<file>[^\\]+)$", RegexOptions.CultureInvariant);

        /// <summary>A package line of packages.config.</summary>
        public sealed class Package
        {
            /// <summary>Creates a package line.</summary>
            /// <param name="id">The ID.</param>
            /// <param name="version">The version.</param>
            public Package(string id, string version)
            {
                Id = id;
                Version = version;
            }

            /// <summary>The package ID.</summary>
            public string Id { get; }

            /// <summary>The version, as written.</summary>
            public string Version { get; }
        }

        /// <summary>The packages of a packages.config.</summary>
        /// <param name="packagesConfig">The document.</param>
        /// <param name="problems">Receives malformed lines.</param>
        /// <returns>The packages.</returns>
        public static List<Package> ReadPackages(XDocument packagesConfig, List<string> problems)
        {
            var packages = new List<Package>();
            foreach (XElement element in packagesConfig.Root!.Elements("package"))
            {
                string? id = (string?)element.Attribute("id");
                string? version = (string?)element.Attribute("version");
                if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(version))
                {
                    problems.Add("packages.config: a <package> without id or version: " + element);
                    continue;
                }

                if ((string?)element.Attribute("targetFramework") != "netnano1.0")
                {
                    problems.Add("packages.config: " + id + " has targetFramework '" + (string?)element.Attribute("targetFramework") + "', expected netnano1.0");
                }

                packages.Add(new Package(id, version));
            }

            return packages;
        }

        /// <summary>Every disagreement between a project file and its packages.config, one sentence each.</summary>
        /// <param name="projectName">For the messages, for example WwepDevice/WwepDevice.nfproj.</param>
        /// <param name="nfproj">The project file.</param>
        /// <param name="packagesConfig">Its packages.config.</param>
        /// <returns>The problems (empty when they agree).</returns>
        public static List<string> Check(string projectName, XDocument nfproj, XDocument packagesConfig)
        {
            var problems = new List<string>();
            List<Package> packages = ReadPackages(packagesConfig, problems);
            foreach (IGrouping<string, Package> twice in packages.GroupBy(p => p.Id).Where(g => g.Count() > 1))
            {
                problems.Add("packages.config lists " + twice.Key + " " + twice.Count() + " times");
            }

            foreach (Package package in packages)
            {
                string? versionProblem = NanoPackageRules.VersionProblem(package.Id, package.Version);
                if (versionProblem != null)
                {
                    problems.Add("packages.config: " + versionProblem);
                }
            }

            var referenced = new HashSet<string>(StringComparer.Ordinal);
            foreach (XElement reference in nfproj.Descendants(s_msbuild + "Reference"))
            {
                string include = ((string?)reference.Attribute("Include") ?? string.Empty).Split(',')[0].Trim();
                string? hintPath = (string?)reference.Element(s_msbuild + "HintPath");
                if (hintPath == null)
                {
                    problems.Add(projectName + ": <Reference Include=\"" + include + "\"> has no HintPath: nanoFramework assemblies come from ..\\packages");
                    continue;
                }

                Match match = s_hintPath.Match(hintPath.Trim());
                if (!match.Success)
                {
                    problems.Add(projectName + ": HintPath '" + hintPath + "' is not of the form ..\\packages\\<Id>.<Version>\\lib\\<file>");
                    continue;
                }

                string folder = match.Groups["folder"].Value;
                string file = match.Groups["file"].Value;
                if (Path.GetFileNameWithoutExtension(file) != include)
                {
                    problems.Add(projectName + ": <Reference Include=\"" + include + "\"> points at " + file + ": the assembly name and the file must match");
                }

                Package? exact = packages.FirstOrDefault(p => folder == p.Id + "." + p.Version);
                if (exact != null)
                {
                    referenced.Add(exact.Id);
                    continue;
                }

                // The same package at another version: the ID, a dot, then a digit (so System.Net is not System.Net.Http).
                Package? sameId = packages.FirstOrDefault(p => folder.Length > p.Id.Length + 1
                    && folder.StartsWith(p.Id + ".", StringComparison.Ordinal)
                    && char.IsDigit(folder[p.Id.Length + 1]));
                if (sameId != null)
                {
                    referenced.Add(sameId.Id);
                    problems.Add(projectName + ": HintPath " + hintPath + " names " + folder.Substring(sameId.Id.Length + 1)
                        + " of " + sameId.Id + ", but packages.config has " + sameId.Version);
                }
                else
                {
                    problems.Add(projectName + ": HintPath " + hintPath + " names a package folder (" + folder + ") that packages.config does not list");
                }
            }

            foreach (Package package in packages.Where(p => !referenced.Contains(p.Id)))
            {
                problems.Add("packages.config lists " + package.Id + " " + package.Version + ", but " + projectName + " references none of its assemblies");
            }

            return problems;
        }

        /// <summary>Packages that two projects use at different versions (the test assembly must match the app).</summary>
        /// <param name="projects">Each project's name and packages.</param>
        /// <returns>The problems.</returns>
        public static List<string> CheckSameVersions(IEnumerable<(string Name, List<Package> Packages)> projects)
        {
            return projects
                .SelectMany(project => project.Packages.Select(package => (project.Name, package)))
                .GroupBy(entry => entry.package.Id)
                .Where(group => group.Select(entry => entry.package.Version).Distinct().Count() > 1)
                .Select(group => group.Key + " differs between projects: "
                    + string.Join(", ", group.Select(entry => entry.Name + " has " + entry.package.Version)))
                .ToList();
        }
    }
}
