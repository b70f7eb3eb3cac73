using System.IO;
using System.Text.RegularExpressions;
using nanoFramework.TestFramework;

namespace WwepDevice.Tests
{
    /// <summary>
    /// Host-only checks of the device sources for what the banned-API list cannot see: language features that
    /// compile for .NET 10 under C# 9 but do not exist on nanoFramework v1, and project files that forgot a source.
    /// </summary>
    [TestClass]
    public class PortableSourceRulesTests
    {
        private static readonly string[] Rules =
        {
            @"\b(int|long|short|byte|bool|char|double|float|uint|ulong|ushort|sbyte|DateTime|TimeSpan)\?\s", "nullable value type (int?)",
            @"\bvolatile\b", "volatile",
            @"\byield\s+(return|break)\b", "yield",
            @"\basync\b|\bawait\b", "async/await",
            @"\brecord\s+(class|struct)?\s*[A-Z]", "record",
            @"\b(class|struct|interface)\s+\w+\s*<", "generic type of our own",
            @"\bdecimal\b", "decimal",
            @"""u8\b", "UTF-8 literal",
            @"\[\^\d+\]|\[\d*\.\.\d*\]", "index or range operator",
            @"^\s*namespace\s+[\w.]+\s*;", "file-scoped namespace",
            @"^\s*global\s+using\b", "global using",
        };

        [TestMethod]
        public void DeviceSourcesUseOnlyWhatNanoFrameworkV1Has()
        {
            string problems = string.Empty;
            foreach (string folder in new[] { "WwepDevice", "WwepDevice.Tests" })
            {
                foreach (string file in Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), folder), "*.cs", SearchOption.AllDirectories))
                {
                    if (file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
                    {
                        continue;
                    }

                    string[] lines = File.ReadAllLines(file);
                    for (int i = 0; i < lines.Length; i++)
                    {
                        string code = StripCommentsAndStrings(lines[i]);
                        for (int r = 0; r < Rules.Length; r += 2)
                        {
                            if (Regex.IsMatch(code, Rules[r]))
                            {
                                problems += Path.GetFileName(file) + ":" + (i + 1).ToString() + " uses " + Rules[r + 1] + "; ";
                            }
                        }
                    }
                }
            }

            Assert.AreEqual(string.Empty, problems);
        }

        [TestMethod]
        public void RuleScannerCatchesWhatItLooksFor()
        {
            Assert.IsTrue(Regex.IsMatch(StripCommentsAndStrings("int? count = null;"), Rules[0]));
            Assert.IsTrue(Regex.IsMatch(StripCommentsAndStrings("private volatile bool _x;"), Rules[2]));
            Assert.IsFalse(Regex.IsMatch(StripCommentsAndStrings("// int? in a comment "), Rules[0]));
            Assert.IsFalse(Regex.IsMatch(StripCommentsAndStrings("string s = \"int? \";"), Rules[0]));
        }

        [TestMethod]
        public void TheNanoFrameworkProjectsCompileEverySource()
        {
            string root = RepositoryRoot.Find();
            string core = File.ReadAllText(Path.Combine(root, "WwepDevice", "Core", "WwepDevice.Core.nfproj"));
            string firmware = File.ReadAllText(Path.Combine(root, "WwepDevice", "WwepDevice.nfproj"));
            string tests = File.ReadAllText(Path.Combine(root, "WwepDevice.Tests", "WwepDevice.Tests.nfproj"));
            string missing = string.Empty;
            string coreFolder = Path.Combine(root, "WwepDevice", "Core");
            foreach (string file in Directory.GetFiles(coreFolder, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Regex.Replace(Path.GetRelativePath(coreFolder, file), "/", "\\");
                if (!relative.StartsWith("obj") && !relative.StartsWith("bin") && !core.Contains("\"" + relative + "\""))
                {
                    missing += "WwepDevice.Core.nfproj lacks " + relative + "; ";
                }
            }

            // The core is one library that both the firmware and the tests reference, never sources linked twice.
            if (!firmware.Contains("<ProjectReference Include=\"Core\\WwepDevice.Core.nfproj\""))
            {
                missing += "WwepDevice.nfproj does not reference Core\\WwepDevice.Core.nfproj; ";
            }

            if (!tests.Contains("<ProjectReference Include=\"..\\WwepDevice\\Core\\WwepDevice.Core.nfproj\""))
            {
                missing += "WwepDevice.Tests.nfproj does not reference ..\\WwepDevice\\Core\\WwepDevice.Core.nfproj; ";
            }

            if (firmware.Contains("<Compile Include=\"Core\\"))
            {
                missing += "WwepDevice.nfproj compiles Core sources itself; ";
            }

            foreach (string file in Directory.GetFiles(Path.Combine(root, "WwepDevice", "Esp32"), "*.cs"))
            {
                if (!firmware.Contains("Esp32\\" + Path.GetFileName(file) + "\""))
                {
                    missing += "WwepDevice.nfproj lacks Esp32\\" + Path.GetFileName(file) + "; ";
                }
            }

            foreach (string file in Directory.GetFiles(Path.Combine(root, "WwepDevice.Tests"), "*.cs", SearchOption.AllDirectories))
            {
                string relative = Regex.Replace(Path.GetRelativePath(Path.Combine(root, "WwepDevice.Tests"), file), "/", "\\");
                if (!relative.StartsWith("obj") && !tests.Contains("\"" + relative + "\""))
                {
                    missing += "WwepDevice.Tests.nfproj lacks " + relative + "; ";
                }
            }

            Assert.AreEqual(string.Empty, missing, "the nanoFramework project system lists sources explicitly");
        }

        private static string StripCommentsAndStrings(string line)
        {
            string code = Regex.Replace(line, "\"(\\\\.|[^\"\\\\])*\"", "\"\"");
            int comment = code.IndexOf("//");
            return comment >= 0 ? code.Substring(0, comment) : code;
        }
    }
}
