using System;
using System.Collections;
using System.IO;
using System.Reflection;
using System.Text.RegularExpressions;
using nanoFramework.TestFramework;

namespace WwepDevice.Tests
{
    /// <summary>
    /// Host-only check that the nanoFramework VS Code extension's Testing side bar shows a result for every test of
    /// WwepDevice.Tests, and no grey (never run) entry. The extension finds tests by scanning the sources line by line
    /// with regular expressions (nf-VSCodeExtension src/testDiscovery.ts, main 6ee9443, August 2026, ported below with
    /// its state machine) and matches a result to a test by the name the launcher prints, taking "Name" or "Name.0"
    /// (src/testRunner.ts, mapResults). The launcher names each run Namespace.Class.Method.i, i being the index of the
    /// attribute among the method's attributes once [TestMethod] is dropped beside [DataRow]
    /// (nanoFramework.TestFramework source/UnitTestLauncher/Program.cs and TestFrameworkShared/Helper.cs,
    /// RemoveTestMethodIfDataRowExists). Both sides are computed here: the launcher's from the compiled tests.
    /// </summary>
    [TestClass]
    public class TestDiscoveryTests
    {
        // testDiscovery.ts's patterns, with ECMAScript semantics as in JavaScript (\w is ASCII there).
        private const RegexOptions Js = RegexOptions.ECMAScript;
        private static readonly Regex NamespacePattern = new Regex(@"^\s*namespace\s+([\w.]+)", Js);
        private static readonly Regex ClassPattern = new Regex(@"\[\s*TestClass\s*\]", Js);
        private static readonly Regex ClassDeclarationPattern = new Regex(@"^\s*(?:public\s+|internal\s+|static\s+|sealed\s+|abstract\s+)*class\s+(\w+)", Js);
        private static readonly Regex TestMethodAttributePattern = new Regex(@"\[\s*TestMethod\s*\]", Js);
        private static readonly Regex SetupAttributePattern = new Regex(@"\[\s*Setup\s*\]", Js);
        private static readonly Regex CleanupAttributePattern = new Regex(@"\[\s*Cleanup\s*\]", Js);
        private static readonly Regex DataRowAttributePattern = new Regex(@"\[\s*DataRow\s*\((.*)\)\s*\]", Js);
        private static readonly Regex MethodDeclarationPattern = new Regex(@"^\s*(?:public\s+|static\s+|async\s+)*\w[\w<>,\s]*\s+(\w+)\s*\(", Js);

        // Test classes compiled into this host runner that are not part of WwepDevice.Tests (the NFUnitTest assembly).
        private static readonly Type[] HostOnly = { typeof(PortableSourceRulesTests), typeof(TestDiscoveryTests), typeof(LogLineTableTests), typeof(PressPathTests) };

        [TestMethod]
        public void EveryTestIsDiscoveredUnderTheNameTheLauncherReports()
        {
            string testsFolder = Path.Combine(RepositoryRoot.Find(), "WwepDevice.Tests");
            ArrayList discovered = new ArrayList();
            foreach (string file in Directory.GetFiles(testsFolder, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(testsFolder, file);
                if (!relative.StartsWith("bin") && !relative.StartsWith("obj") && !relative.StartsWith("packages"))
                {
                    Discover(File.ReadAllText(file), discovered);
                }
            }

            ArrayList launched = LauncherNames(typeof(TestDiscoveryTests).Assembly);
            string problems = string.Empty;
            foreach (string name in launched)
            {
                if (!Matches(discovered, name))
                {
                    problems += name + " runs but the VS Code extension does not discover it (a [DataRow] over several lines? a brace in a string?); ";
                }
            }

            foreach (string name in discovered)
            {
                if (!launched.Contains(name) && !launched.Contains(name + ".0"))
                {
                    problems += name + " is discovered but the launcher reports no such name: it would stay grey; ";
                }
            }

            Assert.IsTrue(launched.Count > 100, "only " + launched.Count.ToString() + " tests found by reflection");
            Assert.AreEqual(string.Empty, problems);
        }

        [TestMethod]
        public void TheDiscoveryPortFollowsTheExtensionsRules()
        {
            string source =
                "namespace A.B\n{\n    [TestClass]\n    public class C\n    {\n"
                + "        [TestMethod]\n        public void One()\n        {\n        }\n\n"
                + "        [DataRow(1, \"x\")]\n        [DataRow(2, \"y\")]\n        public void Rows(int n, string s)\n        {\n        }\n\n"
                + "        [DataRow(3,\n            \"split\")]\n        public void Split(int n, string s)\n        {\n        }\n\n"
                + "        [Setup]\n        public void Before()\n        {\n        }\n    }\n}\n";
            ArrayList found = new ArrayList();

            Discover(source, found);

            Assert.AreEqual("A.B.C.One|A.B.C.Rows.0|A.B.C.Rows.1|A.B.C.Before|", Joined(found), "a [DataRow] over two lines is not discovered");
        }

        // testDiscovery.ts, parseTestFile: the same steps in the same order.
        private static void Discover(string content, ArrayList found)
        {
            string[] lines = Regex.Split(content, "\r?\n");
            string currentNamespace = string.Empty;
            bool insideTestClass = false;
            bool pendingTestClass = false;
            string currentClass = null;
            bool pendingTestMethod = false;
            ArrayList pendingDataRows = new ArrayList();
            int braceDepth = 0;
            int classStartBraceDepth = 0;

            foreach (string line in lines)
            {
                string trimmed = line.Trim();
                if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.Length == 0)
                {
                    continue;
                }

                Match ns = NamespacePattern.Match(line);
                if (ns.Success)
                {
                    currentNamespace = ns.Groups[1].Value;
                    continue;
                }

                foreach (char ch in line)
                {
                    if (ch == '{')
                    {
                        braceDepth++;
                    }

                    if (ch == '}')
                    {
                        braceDepth--;
                        if (insideTestClass && currentClass != null && braceDepth < classStartBraceDepth)
                        {
                            insideTestClass = false;
                            currentClass = null;
                        }
                    }
                }

                if (ClassPattern.IsMatch(trimmed))
                {
                    pendingTestClass = true;
                    continue;
                }

                if (pendingTestClass)
                {
                    Match declaration = ClassDeclarationPattern.Match(line);
                    if (declaration.Success)
                    {
                        pendingTestClass = false;
                        insideTestClass = true;
                        classStartBraceDepth = braceDepth;
                        currentClass = declaration.Groups[1].Value;
                        continue;
                    }

                    if (!trimmed.StartsWith("[", StringComparison.Ordinal) && !trimmed.StartsWith("//", StringComparison.Ordinal))
                    {
                        pendingTestClass = false;
                    }
                }

                if (!insideTestClass || currentClass == null)
                {
                    continue;
                }

                if (TestMethodAttributePattern.IsMatch(trimmed) || SetupAttributePattern.IsMatch(trimmed) || CleanupAttributePattern.IsMatch(trimmed))
                {
                    pendingTestMethod = true;
                    continue;
                }

                Match dataRow = DataRowAttributePattern.Match(trimmed);
                if (dataRow.Success)
                {
                    pendingDataRows.Add(dataRow.Groups[1].Value.Trim());
                    pendingTestMethod = true;
                    continue;
                }

                if (pendingTestMethod)
                {
                    Match method = MethodDeclarationPattern.Match(line);
                    if (method.Success)
                    {
                        string baseName = (currentNamespace.Length > 0 ? currentNamespace + "." : string.Empty) + currentClass + "." + method.Groups[1].Value;
                        if (pendingDataRows.Count > 0)
                        {
                            for (int row = 0; row < pendingDataRows.Count; row++)
                            {
                                found.Add(baseName + "." + row.ToString());
                            }
                        }
                        else
                        {
                            found.Add(baseName);
                        }

                        pendingTestMethod = false;
                        pendingDataRows.Clear();
                        continue;
                    }

                    if (!trimmed.StartsWith("[", StringComparison.Ordinal) && !trimmed.StartsWith("//", StringComparison.Ordinal))
                    {
                        pendingTestMethod = false;
                        pendingDataRows.Clear();
                    }
                }
            }
        }

        // UnitTestLauncher: per [TestClass], per public method, per attribute i (after RemoveTestMethodIfDataRowExists)
        // of a test kind, "Namespace.Class.Method.i".
        private static ArrayList LauncherNames(Assembly assembly)
        {
            ArrayList names = new ArrayList();
            foreach (Type type in assembly.GetTypes())
            {
                if (!type.IsClass || Array.IndexOf(HostOnly, type) >= 0 || type.GetCustomAttribute(typeof(TestClassAttribute)) == null)
                {
                    continue;
                }

                foreach (MethodInfo method in type.GetMethods())
                {
                    object[] attributes = WithoutTestMethodBesideDataRow(method.GetCustomAttributes(true));
                    for (int i = 0; i < attributes.Length; i++)
                    {
                        Type kind = attributes[i].GetType();
                        if (kind == typeof(TestMethodAttribute) || kind == typeof(DataRowAttribute) || kind == typeof(SetupAttribute) || kind == typeof(CleanupAttribute))
                        {
                            names.Add(type.FullName + "." + method.Name + "." + i.ToString());
                        }
                    }
                }
            }

            return names;
        }

        private static object[] WithoutTestMethodBesideDataRow(object[] attributes)
        {
            bool hasDataRow = false;
            foreach (object attribute in attributes)
            {
                hasDataRow = hasDataRow || attribute is DataRowAttribute;
            }

            ArrayList kept = new ArrayList();
            foreach (object attribute in attributes)
            {
                if (!(hasDataRow && attribute is TestMethodAttribute))
                {
                    kept.Add(attribute);
                }
            }

            return kept.ToArray();
        }

        private static bool Matches(ArrayList discovered, string launcherName)
        {
            foreach (string name in discovered)
            {
                if (name == launcherName || name + ".0" == launcherName)
                {
                    return true;
                }
            }

            return false;
        }

        private static string Joined(ArrayList items)
        {
            string all = string.Empty;
            foreach (string item in items)
            {
                all += item + "|";
            }

            return all;
        }
    }
}
