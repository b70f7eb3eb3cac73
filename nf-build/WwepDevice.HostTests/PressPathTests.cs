using System.IO;
using System.Text.RegularExpressions;
using nanoFramework.TestFramework;

namespace WwepDevice.Tests
{
    /// <summary>
    /// A press can be followed through five files from the GPIO to the codec, as WwepDevice/README.md lists them: each
    /// file hands the press on to the next, and the README names the same files in the same order.
    /// </summary>
    [TestClass]
    public class PressPathTests
    {
        // Each file of the path, and what in it hands the press on to the next one.
        private static readonly string[] Path =
        {
            "Esp32/GpioButton.cs", @"_recognizer\.OnEdge\(",
            "Core/Press/PressRecognizer.cs", @"_pressed\(",
            "Core/Press/ButtonLedController.cs", @"_sender\.Send\(",
            "Core/Press/LedStateSender.cs", @"WwepCodec\.BuildWrite\(",
            "Core/Protocol/WwepCodec.cs", @"public static int BuildWrite\(",
        };

        [TestMethod]
        public void EachFileHandsThePressToTheNext()
        {
            string device = System.IO.Path.Combine(RepositoryRoot.Find(), "WwepDevice");
            string problems = string.Empty;
            for (int i = 0; i < Path.Length; i += 2)
            {
                if (!Regex.IsMatch(File.ReadAllText(System.IO.Path.Combine(device, Path[i])), Path[i + 1]))
                {
                    problems += Path[i] + " no longer has " + Path[i + 1] + "; ";
                }
            }

            // The one link Program.cs makes: the recognizer's press is the controller's.
            if (!Regex.IsMatch(File.ReadAllText(System.IO.Path.Combine(device, "Program.cs")), @"new PressRecognizer\([^;]*controller\.OnButtonPressed"))
            {
                problems += "Program.cs no longer hands the recognizer's presses to the controller; ";
            }

            Assert.AreEqual(string.Empty, problems);
        }

        [TestMethod]
        public void TheReadmeListsTheSameFiveFilesInOrder()
        {
            string readme = File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Find(), "WwepDevice", "README.md"));
            MatchCollection steps = Regex.Matches(readme, @"^\d\. `([^`]+)`", RegexOptions.Multiline);
            Assert.AreEqual(Path.Length / 2, steps.Count, "numbered steps in WwepDevice/README.md");
            for (int i = 0; i < steps.Count; i++)
            {
                Assert.AreEqual(Path[2 * i], steps[i].Groups[1].Value);
            }
        }
    }
}
