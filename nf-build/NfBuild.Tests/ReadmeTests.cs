using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// The READMEs a newcomer reads: the top one stays short, every top-level folder has its own, and every relative link
    /// in them leads to a file of the repository or to a heading (by GitHub's anchor rules).
    /// </summary>
    public sealed class ReadmeTests
    {
        private const int TopReadmeLimitBytes = 12 * 1024;


        /// <summary>README.md and each top-level folder's README, relative to the repository root.</summary>
        public static TheoryData<string> Readmes
        {
            get
            {
                var readmes = new TheoryData<string> { "README.md" };
                foreach (string folder in ContentFolders(RepositoryPaths.Root))
                {
                    readmes.Add(folder + "/README.md");
                }

                return readmes;
            }
        }

        [Fact]
        public void TheTopReadmeIsAtMost12Kilobytes()
        {
            long size = new FileInfo(RepositoryPaths.Combine("README.md")).Length;

            Assert.True(size <= TopReadmeLimitBytes, "README.md is " + size + " bytes; at most " + TopReadmeLimitBytes + ": move the depth into a folder's README");
        }

        [Fact]
        public void EveryTopLevelFolderHasItsReadme()
        {
            string[] folders = ContentFolders(RepositoryPaths.Root);

            Assert.Contains("WwepDevice", folders);
            Assert.Contains("nf-build", folders);
            Assert.All(folders, folder => Assert.True(File.Exists(RepositoryPaths.Combine(folder + "/README.md")), folder + "/ has no README.md"));
        }

        [Theory]
        [MemberData(nameof(Readmes))]
        public void EveryRelativeLinkLeadsToAFileOrAHeading(string readme)
        {
            MarkdownDocument document = MarkdownDocument.Load(RepositoryPaths.Combine(readme));

            Assert.Empty(BrokenLinks(document));
        }

        [Fact]
        public void ABrokenLinkOrAMissingHeadingIsFound()
        {
            string folder = Path.Combine(Path.GetTempPath(), "readme-test-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(folder, "sub"));
            try
            {
                File.WriteAllText(Path.Combine(folder, "sub", "OTHER.md"), "# Other page\n\n## Its part: one, two\n");
                string readme = Path.Combine(folder, "README.md");
                File.WriteAllText(readme, "# Top\n\n[fine](sub/OTHER.md#its-part-one-two) [self](#top) [web](https://example.com/x)\n"
                    + "[gone](sub/GONE.md) [no heading](sub/OTHER.md#its-part) [no heading here](#nowhere)\n"
                    + "`[in code](nothing.md)`\n\n```\n[in a block](nothing.md)\n```\n");

                string[] broken = BrokenLinks(MarkdownDocument.Load(readme)).ToArray();

                Assert.Equal(new[] { "sub/GONE.md", "sub/OTHER.md#its-part", "#nowhere" }, broken.Select(line => line.Split(':')[0]).ToArray());
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Theory]
        [InlineData("What the device's log lines mean", "what-the-devices-log-lines-mean")]
        [InlineData("On a real board: Wi-Fi, clock, DNS, TLS", "on-a-real-board-wi-fi-clock-dns-tls")]
        [InlineData("The WWEP server (WwepServer/)", "the-wwep-server-wwepserver")]
        [InlineData("Install the tools (once)", "install-the-tools-once")]
        [InlineData("`check` and [its rules](x.md)", "check-and-its-rules")]
        public void AnchorsAreMadeAsGitHubMakesThem(string heading, string anchor)
        {
            Assert.Equal(anchor, MarkdownDocument.Anchor(heading));
        }

        // Each link that leads nowhere, as "target: why".
        private static IEnumerable<string> BrokenLinks(MarkdownDocument document)
        {
            string folder = Path.GetDirectoryName(document.Path)!;
            foreach (string link in document.Links)
            {
                if (link.Contains("://", StringComparison.Ordinal) || link.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                int hash = link.IndexOf('#');
                string path = hash >= 0 ? link.Substring(0, hash) : link;
                string anchor = hash >= 0 ? link.Substring(hash + 1) : string.Empty;
                string target = path.Length == 0 ? document.Path : Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(path)));
                if (!File.Exists(target) && !Directory.Exists(target))
                {
                    yield return link + ": no such file";
                }
                else if (anchor.Length > 0 && (!target.EndsWith(".md", StringComparison.Ordinal) || !MarkdownDocument.Load(target).Anchors.Contains(anchor)))
                {
                    yield return link + ": no heading with that anchor in " + Path.GetFileName(target);
                }
            }
        }

        [Fact]
        public void AFolderGitIgnoresIsNotContentEvenWhenItIsOnDisk()
        {
            // README's classroom command leaves a git-ignored wwep-data/ in the checkout; the layout is the tracked tree.
            string folder = Path.Combine(Path.GetTempPath(), "readme-layout-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(folder, "Kept"));
            Directory.CreateDirectory(Path.Combine(folder, "wwep-data"));
            try
            {
                File.WriteAllText(Path.Combine(folder, ".gitignore"), "wwep-data/\n");
                File.WriteAllText(Path.Combine(folder, "Kept", "README.md"), "# Kept\n");
                File.WriteAllText(Path.Combine(folder, "wwep-data", "registers.txt"), "W0001050001\n");
                Git(folder, "init", "-q");
                Git(folder, "add", ".");

                Assert.Equal(new[] { "Kept" }, ContentFolders(folder));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        // The top-level folders of the tracked tree: what a clone has, whatever else lies in this checkout.
        private static string[] ContentFolders(string root)
        {
            return Git(root, "ls-files", "--cached")
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(path => path.Contains('/'))
                .Select(path => path.Substring(0, path.IndexOf('/')))
                .Where(name => !name.StartsWith('.'))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();
        }

        private static string Git(string folder, params string[] arguments)
        {
            var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var git = System.Diagnostics.Process.Start(start)!;
            string output = git.StandardOutput.ReadToEnd();
            string error = git.StandardError.ReadToEnd();
            git.WaitForExit();
            Assert.True(git.ExitCode == 0, "git " + string.Join(" ", arguments) + " failed in " + folder + ": " + error.Trim());
            return output;
        }
    }
}
