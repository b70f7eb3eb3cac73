using System.Collections;
using System.IO;
using System.Text.RegularExpressions;
using nanoFramework.TestFramework;

namespace WwepDevice.Tests
{
    /// <summary>
    /// The tables of log lines in WwepDevice/README.md against what the code prints: every row of the core's table is
    /// the situation of a scenario (LogLineScenarios) whose printed lines include one that starts as the row says, and
    /// every row of the adapters' table is a line the board's own code writes. A line that changes without its row,
    /// and a row left without its line, both fail here.
    /// </summary>
    [TestClass]
    public class LogLineTableTests
    {
        private const string Readme = "WwepDevice/README.md";

        // The first cell of each table's header row.
        private const string CoreTable = "line starts with";
        private const string AdapterTable = "board code's line starts with";

        [TestMethod]
        public void EachScenarioPrintsALineAsItsRowSays()
        {
            string[] rows = Rows(Readme, CoreTable);
            string problems = string.Empty;
            LogLineScenario[] scenarios = LogLineScenarios.All();
            foreach (LogLineScenario scenario in scenarios)
            {
                if (IndexOf(rows, scenario.Pattern) < 0)
                {
                    problems += "no row `" + scenario.Pattern + "` in " + Readme + "; ";
                }
                else if (!AnyMatches(scenario.Pattern, scenario.Lines))
                {
                    problems += "row `" + scenario.Pattern + "`: the core printed " + Quoted(scenario.Lines) + "; ";
                }
            }

            Assert.AreEqual(string.Empty, problems);
        }

        [TestMethod]
        public void EveryRowHasAScenario()
        {
            string[] rows = Rows(Readme, CoreTable);
            LogLineScenario[] scenarios = LogLineScenarios.All();
            string missing = string.Empty;
            for (int i = 0; i < rows.Length; i++)
            {
                bool found = false;
                foreach (LogLineScenario scenario in scenarios)
                {
                    found |= scenario.Pattern == rows[i];
                }

                if (!found)
                {
                    missing += "`" + rows[i] + "`; ";
                }

                if (IndexOf(rows, rows[i]) != i)
                {
                    missing += "`" + rows[i] + "` twice; ";
                }
            }

            Assert.IsTrue(rows.Length >= 40, "the table of " + Readme + " was not found whole: " + rows.Length.ToString() + " rows");
            Assert.AreEqual(string.Empty, missing, "rows that no scenario prints");
        }

        [TestMethod]
        public void TheBoardsOwnLinesAndTheirTableAgree()
        {
            string[] rows = Rows(Readme, AdapterTable);
            string[] written = AdapterLines();
            string problems = string.Empty;
            foreach (string line in written)
            {
                if (!AnyMatchesLine(rows, line))
                {
                    problems += "the board's code writes '" + line + "' and no row says so; ";
                }
            }

            foreach (string row in rows)
            {
                if (!AnyMatches(row, written))
                {
                    problems += "row `" + row + "`: no such line in WwepDevice/Program.cs or WwepDevice/Esp32; ";
                }
            }

            Assert.IsTrue(written.Length >= 5, "the adapters' log lines were not found: " + Quoted(written));
            Assert.AreEqual(string.Empty, problems);
        }

        [TestMethod]
        public void TheTopReadmesTenLinesAreRowsOfTheTable()
        {
            string[] rows = Rows(Readme, CoreTable);
            string[] common = Rows("README.md", CoreTable);
            string missing = string.Empty;
            foreach (string line in common)
            {
                if (IndexOf(rows, line) < 0)
                {
                    missing += "`" + line + "`; ";
                }
            }

            Assert.AreEqual(10, common.Length, "README.md names the ten most common lines");
            Assert.AreEqual(string.Empty, missing, "lines of README.md that are not rows of " + Readme);
        }

        [TestMethod]
        public void APatternIsLiteralButForItsDots()
        {
            Assert.IsTrue(Matches("cannot connect to ... (refused ...)", "cannot connect to 192.168.4.2:27708 (refused or unreachable)"));
            Assert.IsTrue(Matches("setting: ...", "setting: Mode 'fast' is not plain, tls or two-button"));
            Assert.IsFalse(Matches("setting: ...", "the setting: Mode"), "a row says how a line starts");
            Assert.IsFalse(Matches("I:\\wwep.conf sets ...", "I:xwwep.conf sets 1 value"), "a dot is a dot, a backslash a backslash");
            Assert.IsFalse(Matches("LED ... stored on the server (..., attempt ...)", "LED ON stored on the server"));
        }

        [TestMethod]
        public void TheBoardsCodeIsReadAsItsLinesPrint()
        {
            Assert.AreEqual("device ..., server ..., mode ...", Rendered("\"device \" + DeviceIdentity.ToHex(deviceId) + \", server \" + settings.ServerHost + \", mode \" + ModeName(settings.Mode)"));
            Assert.AreEqual("a \"quoted\" C:\\path", Rendered("\"a \\\"quoted\\\" C:\\\\path\""));
        }

        // A row's pattern as a regular expression: literal text, "..." for anything, anchored at the line's start.
        private static bool Matches(string pattern, string line)
        {
            string[] pieces = Regex.Split(pattern, "\\.\\.\\.");
            string expression = "^";
            for (int i = 0; i < pieces.Length; i++)
            {
                expression += (i > 0 ? ".*" : string.Empty) + Regex.Escape(pieces[i]);
            }

            return Regex.IsMatch(line, expression);
        }

        private static bool AnyMatches(string pattern, string[] lines)
        {
            foreach (string line in lines)
            {
                if (Matches(pattern, line))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AnyMatchesLine(string[] patterns, string line)
        {
            foreach (string pattern in patterns)
            {
                if (Matches(pattern, line))
                {
                    return true;
                }
            }

            return false;
        }

        // The first cells of the table whose header row starts with that cell: each the one `pattern` it holds.
        private static string[] Rows(string readme, string header)
        {
            string[] lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Find(), readme));
            ArrayList rows = new ArrayList();
            int start = -1;
            for (int i = 0; i < lines.Length && start < 0; i++)
            {
                if (Regex.IsMatch(lines[i], "^\\|\\s*" + Regex.Escape(header) + "\\s*\\|"))
                {
                    start = i + 2;
                }
            }

            Assert.IsTrue(start > 0, readme + " has no table headed '" + header + "'");
            for (int i = start; i < lines.Length && lines[i].StartsWith("|"); i++)
            {
                Match cell = Regex.Match(lines[i], "^\\|\\s*`([^`]+)`\\s*\\|");
                Assert.IsTrue(cell.Success, readme + " line " + (i + 1).ToString() + ": the first cell must be one `pattern`: " + lines[i]);
                rows.Add(cell.Groups[1].Value);
            }

            return (string[])rows.ToArray(typeof(string));
        }

        // Every line the board's own code (Program.cs and the ESP32 adapters) writes or throws as text of its own, as it
        // prints: string literals as they are, everything computed as "...".
        private static string[] AdapterLines()
        {
            string root = Path.Combine(RepositoryRoot.Find(), "WwepDevice");
            ArrayList files = new ArrayList();
            files.Add(Path.Combine(root, "Program.cs"));
            files.AddRange(Directory.GetFiles(Path.Combine(root, "Esp32"), "*.cs"));
            ArrayList lines = new ArrayList();
            foreach (string file in files)
            {
                foreach (string code in File.ReadAllLines(file))
                {
                    Match call = Regex.Match(code, "(?:log\\.Write\\(LogLevel\\.\\w+|new WwepTransportException\\(TransportFailure\\.\\w+(?:, TlsFailureCause\\.\\w+)?), (?<text>\".*)\\);\\s*$");
                    if (call.Success)
                    {
                        lines.Add(Rendered(call.Groups["text"].Value));
                    }
                }
            }

            return (string[])lines.ToArray(typeof(string));
        }

        // A string expression as it prints: its literals unescaped, each other operand of + as "...".
        private static string Rendered(string expression)
        {
            string text = string.Empty;
            int at = 0;
            foreach (Match literal in Regex.Matches(expression, "\"((?:\\\\.|[^\"\\\\])*)\""))
            {
                if (expression.Substring(at, literal.Index - at).Trim(' ', '+').Length > 0)
                {
                    text += "...";
                }

                text += Regex.Replace(literal.Groups[1].Value, "\\\\(.)", "$1");
                at = literal.Index + literal.Length;
            }

            return expression.Substring(at).Trim(' ', '+').Length > 0 ? text + "..." : text;
        }

        private static int IndexOf(string[] items, string item)
        {
            for (int i = 0; i < items.Length; i++)
            {
                if (items[i] == item)
                {
                    return i;
                }
            }

            return -1;
        }

        private static string Quoted(string[] lines)
        {
            string all = string.Empty;
            foreach (string line in lines)
            {
                all += "'" + line + "' ";
            }

            return all.Length > 0 ? all : "nothing";
        }
    }
}
