using nanoFramework.TestFramework;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    /// <summary>
    /// The board's settings file (I:\wwep.conf): its line format, every key, every class of bad value, and the merge
    /// over the compiled settings (file over LocalSettings.cs over defaults). File access itself is the adapter's
    /// (Esp32/SettingsFileReader.cs); these tests hand the core the facts it reports: missing, bytes, or an exception.
    /// </summary>
    [TestClass]
    public class SettingsFileTests
    {
        // A value other than the default for every key of BoardSettingKeys.All: key, value as written, as read back.
        private static readonly string[] Samples =
        {
            "ServerHost", "wwep.lan", "wwep.lan",
            "ServerFallbackIp", "192.168.1.20", "192.168.1.20",
            "TlsHostName", "wwep.example", "wwep.example",
            "Mode", "Two-Button", "two-button",
            "UseClientCertificate", "TRUE", "true",
            "PlainPort", "2770", "2770",
            "TlsPort", "4050", "4050",
            "ButtonPin", "13", "13",
            "SecondButtonPin", "4", "4",
            "LedPin", "5", "5",
            "DebounceMilliseconds", "80", "80",
            "ConnectTimeoutMilliseconds", "7000", "7000",
            "ReplyTimeoutMilliseconds", "4000", "4000",
            "MaxAttempts", "3", "3",
            "InitialBackoffMilliseconds", "250", "250",
            "MaxBackoffMilliseconds", "60000", "60000",
            "TimeFromServer", "False", "false",
            "SntpPort", "10123", "10123",
            "InternetTimeWaitMilliseconds", "5000", "5000",
            "LedAtBoot", "Restore", "restore",
            "BlinkCodes", "FALSE", "false",
        };

        [TestMethod]
        public void EveryKeyHasASampleHere()
        {
            for (int i = 0; i < BoardSettingKeys.All.Length; i++)
            {
                bool found = false;
                for (int s = 0; s < Samples.Length; s += 3)
                {
                    found = found || Samples[s] == BoardSettingKeys.All[i].Name;
                }

                Assert.IsTrue(found, BoardSettingKeys.All[i].Name + " has no line in Samples: add one, so the key is tested");
            }
        }

        [TestMethod]
        public void EveryKeyIsReadFromTheFile()
        {
            for (int s = 0; s < Samples.Length; s += 3)
            {
                WwepSettings settings = new WwepSettings();
                BoardSettingKey key = BoardSettingKeys.Find(Samples[s]);
                Assert.IsNotNull(key, Samples[s]);
                Assert.AreNotEqual(Samples[s + 2], key.Get(settings), Samples[s] + ": the sample must differ from the default");

                BoardSettingsFileContent file = Parse(Samples[s] + "=" + Samples[s + 1] + "\n");

                Assert.AreEqual(0, file.Problems.Length, Joined(file.Problems));
                Assert.AreEqual(1, file.Count);
                file.ApplyTo(settings);
                Assert.AreEqual(Samples[s + 2], key.Get(settings), Samples[s]);
            }
        }

        [TestMethod]
        public void AFileWithEveryKeyMakesValidSettingsThatNameTheFileAsTheirSource()
        {
            string text = string.Empty;
            for (int s = 0; s < Samples.Length; s += 3)
            {
                text += Samples[s] + "=" + Samples[s + 1] + "\n";
            }

            BoardSettingsOutcome outcome = BoardSettingsLoader.Load(new WwepSettings(), SettingsFileRead.Read(Ascii.Bytes(text), text.Length));

            Assert.IsTrue(outcome.IsUsable, Joined(outcome.Problems));
            string notes = Joined(outcome.Notes);
            for (int s = 0; s < Samples.Length; s += 3)
            {
                Assert.Contains("setting " + Samples[s] + "=" + Samples[s + 2] + " (from I:\\wwep.conf)", notes);
            }

            Assert.Contains("I:\\wwep.conf sets " + BoardSettingKeys.All.Length.ToString() + " values", notes);
        }

        [TestMethod]
        public void TheFileWinsOverLocalSettingsWhichWinOverTheDefaults()
        {
            WwepSettings compiled = new WwepSettings();
            compiled.ServerHost = "compiled.example";
            compiled.ServerFallbackIp = "10.0.0.9";
            BoardSettingsOutcome outcome = BoardSettingsLoader.Load(compiled, Read("ServerHost=file.example\n"));

            Assert.IsTrue(outcome.IsUsable, Joined(outcome.Problems));
            Assert.AreEqual("file.example", outcome.Settings.ServerHost);
            Assert.AreEqual("10.0.0.9", outcome.Settings.ServerFallbackIp, "LocalSettings.cs still counts where the file is silent");
            Assert.AreEqual(WwepSettings.DefaultTlsPort, outcome.Settings.TlsPort, "defaults where neither says anything");
            string notes = Joined(outcome.Notes);
            Assert.Contains("setting ServerHost=file.example (from I:\\wwep.conf)", notes);
            Assert.Contains("setting ServerFallbackIp=10.0.0.9 (compiled in, LocalSettings.cs)", notes);
            Assert.IsTrue(notes.IndexOf("TlsPort") < 0, "a default value is not listed: " + notes);
        }

        [TestMethod]
        public void TheBootLogNamesEachProblemThenWhereToFixIt()
        {
            RecordingLog log = new RecordingLog();

            Load("Mode=fast\nLedAtBoot=sometimes\n").Report(log);

            Assert.AreEqual(3, log.Count);
            Assert.IsTrue(log.Line(0).StartsWith("setting: "), log.Line(0));
            Assert.IsTrue(log.Line(1).StartsWith("setting: "), log.Line(1));
            Assert.AreEqual(LogLevel.Error, log.Level(1));
            Assert.IsTrue(log.Line(2).StartsWith("the board does not start with these settings: fix I:\\wwep.conf"), log.Line(2));
        }

        [TestMethod]
        public void LineAndRangeProblemsAreToldTogether()
        {
            RecordingLog log = new RecordingLog();

            BoardSettingsOutcome outcome = Load("Mode=fast\nMaxAttempts=0\nLedPin=abc\n");
            outcome.Report(log);

            Assert.AreEqual(3, outcome.Problems.Length, Joined(outcome.Problems));
            Assert.IsTrue(log.CountContaining("Mode") >= 1, "the line problem");
            Assert.IsTrue(log.CountContaining("LedPin") >= 1, "the value that is no number");
            Assert.AreEqual(1, log.CountContaining("MaxAttempts"), "the range problem, in the same boot");
            Assert.IsTrue(log.Line(3).StartsWith("the board does not start with these settings: fix I:\\wwep.conf"), log.Line(3));
        }

        [TestMethod]
        public void AGoodFileIsToldAsNotesWithoutErrors()
        {
            RecordingLog log = new RecordingLog();

            Load("ServerHost=wwep.lan\n").Report(log);

            Assert.AreEqual(2, log.Count);
            Assert.AreEqual("setting ServerHost=wwep.lan (from I:\\wwep.conf)", log.Line(0));
            Assert.AreEqual("I:\\wwep.conf sets 1 value", log.Line(1));
            Assert.AreEqual(LogLevel.Info, log.Level(1));
        }

        [TestMethod]
        public void AMissingFileIsNormalAndTheCompiledSettingsApply()
        {
            WwepSettings compiled = new WwepSettings();
            compiled.Mode = LinkMode.Plain;

            BoardSettingsOutcome outcome = BoardSettingsLoader.Load(compiled, SettingsFileRead.Missing());

            Assert.IsTrue(outcome.IsUsable, Joined(outcome.Problems));
            Assert.AreSame(compiled, outcome.Settings);
            string notes = Joined(outcome.Notes);
            Assert.Contains("setting Mode=plain (compiled in, LocalSettings.cs)", notes);
            Assert.Contains("no I:\\wwep.conf on the board: the compiled settings apply", notes);
        }

        [TestMethod]
        public void AnEmptyFileChangesNothing()
        {
            BoardSettingsOutcome outcome = Load(string.Empty);

            Assert.IsTrue(outcome.IsUsable, Joined(outcome.Problems));
            Assert.AreEqual("wwep.local", outcome.Settings.ServerHost);
            Assert.Contains("I:\\wwep.conf sets 0 values", Joined(outcome.Notes));
        }

        [TestMethod]
        public void AnUnreadableFileStopsTheBoardNamingTheException()
        {
            BoardSettingsOutcome outcome = BoardSettingsLoader.Load(new WwepSettings(), SettingsFileRead.Failed("IOException", "disk error"));

            Assert.IsFalse(outcome.IsUsable);
            Assert.AreEqual(1, outcome.Problems.Length);
            Assert.Contains("I:\\wwep.conf could not be read (IOException: disk error): store it again with nf-build/configure", outcome.Problems[0]);
            Assert.Contains("nf-build/configure --port <serial>", outcome.Fix);
        }

        [TestMethod]
        public void CommentsBlankLinesAndSpacesAroundKeysAndValuesAreIgnored()
        {
            BoardSettingsFileContent file = Parse("# written by nf-build/configure\n\n   \t\n  ServerHost =  wwep.lan \t\n#Mode=plain\nPlainPort\t=\t2770\n");

            Assert.AreEqual(0, file.Problems.Length, Joined(file.Problems));
            Assert.AreEqual(2, file.Count);
            WwepSettings settings = new WwepSettings();
            file.ApplyTo(settings);
            Assert.AreEqual("wwep.lan", settings.ServerHost);
            Assert.AreEqual(2770, settings.PlainPort);
            Assert.AreEqual((int)LinkMode.Tls, (int)settings.Mode, "a commented line sets nothing");
        }

        [TestMethod]
        public void WindowsLineEndsAndAByteOrderMarkAreRead()
        {
            byte[] body = Ascii.Bytes("ServerHost=wwep.lan\r\nMode=plain\r\nPlainPort=2770");
            byte[] bytes = new byte[body.Length + 3];
            bytes[0] = 0xEF;
            bytes[1] = 0xBB;
            bytes[2] = 0xBF;
            for (int i = 0; i < body.Length; i++)
            {
                bytes[i + 3] = body[i];
            }

            BoardSettingsFileContent file = BoardSettingsFile.Parse(bytes, bytes.Length);

            Assert.AreEqual(0, file.Problems.Length, Joined(file.Problems));
            WwepSettings settings = new WwepSettings();
            file.ApplyTo(settings);
            Assert.AreEqual("wwep.lan", settings.ServerHost, "no \\r and no BOM in the values");
            Assert.AreEqual((int)LinkMode.Plain, (int)settings.Mode);
            Assert.AreEqual(2770, settings.PlainPort, "the last line needs no line end");
        }

        [TestMethod]
        public void OnlyTheBytesReadCount()
        {
            byte[] buffer = new byte[64];
            byte[] text = Ascii.Bytes("MaxAttempts=3\n");
            for (int i = 0; i < text.Length; i++)
            {
                buffer[i] = text[i];
            }

            BoardSettingsFileContent file = BoardSettingsFile.Parse(buffer, text.Length);

            Assert.AreEqual(0, file.Problems.Length, Joined(file.Problems));
            Assert.AreEqual(1, file.Count);
        }

        [DataRow("PlainPort=abc", "line 1: PlainPort 'abc' is not a whole number (up to 9 digits): write for example PlainPort=27708")]
        [DataRow("TlsPort=1234567890", "line 1: TlsPort '1234567890' is not a whole number")]
        [DataRow("LedPin=2.5", "line 1: LedPin '2.5' is not a whole number")]
        [DataRow("MaxAttempts=", "line 1: MaxAttempts has no value: write for example MaxAttempts=5, or leave the line out")]
        [DataRow("UseClientCertificate=yes", "line 1: UseClientCertificate 'yes' is neither true nor false: write UseClientCertificate=true or UseClientCertificate=false")]
        [DataRow("Mode=ssl", "line 1: Mode 'ssl' is not a mode: write Mode=plain, Mode=tls or Mode=two-button")]
        [DataRow("LedAtBoot=on", "line 1: LedAtBoot 'on' is neither off nor restore: write LedAtBoot=off or LedAtBoot=restore")]
        [DataRow("ServerHost wwep.lan", "line 1: 'ServerHost wwep.lan' is not Key=value")]
        [DataRow("=wwep.lan", "line 1: no key before '='")]
        [DataRow("serverhost=wwep.lan", "line 1: unknown key 'serverhost': keys are case-sensitive, write ServerHost")]
        [DataRow("Colour=blue", "line 1: unknown key 'Colour': this firmware knows ServerHost, ServerFallbackIp")]
        [DataRow("WifiPassword=not-a-real-one", "line 1: unknown key 'WifiPassword': the Wi-Fi credentials are not kept in this file")]
        public void ABadLineIsOneProblemWithItsFix(string line, string expected)
        {
            BoardSettingsOutcome outcome = Load("# header\n" + line + "\n");

            Assert.IsFalse(outcome.IsUsable, line);
            Assert.AreEqual(1, outcome.Problems.Length, Joined(outcome.Problems));
            Assert.Contains("I:\\wwep.conf " + ShiftLine(expected), outcome.Problems[0]);
            Assert.Contains("fix I:\\wwep.conf with nf-build/configure --port <serial>", outcome.Fix);
        }

        [TestMethod]
        public void AKeySetTwiceIsAProblemNamingTheFirstLine()
        {
            BoardSettingsFileContent file = Parse("ServerHost=a.example\nMode=tls\nServerHost=b.example\n");

            Assert.AreEqual(1, file.Problems.Length, Joined(file.Problems));
            Assert.Contains("I:\\wwep.conf line 3: ServerHost is set again (first on line 1): keep one line per key", file.Problems[0]);
        }

        [TestMethod]
        public void EveryBadLineIsReportedNotOnlyTheFirst()
        {
            BoardSettingsFileContent file = Parse("PlainPort=x\r\nMode=ssl\r\nColour=blue\r\nLedPin=5\r\n");

            Assert.AreEqual(3, file.Problems.Length, Joined(file.Problems));
            Assert.Contains("line 1:", file.Problems[0]);
            Assert.Contains("line 2:", file.Problems[1]);
            Assert.Contains("line 3:", file.Problems[2]);
        }

        [TestMethod]
        public void NonAsciiAndControlBytesAreNamed()
        {
            // The NUL goes into the bytes, not into a string: on the nanoCLR a string ends at its first NUL.
            byte[] bytes = Ascii.Bytes("ServerHost=caf?.example\nTlsHostName=a?b\n");
            bytes[15] = 0xC3;
            bytes[37] = 0x00;

            BoardSettingsFileContent file = BoardSettingsFile.Parse(bytes, bytes.Length);

            Assert.AreEqual(2, file.Problems.Length, Joined(file.Problems));
            Assert.Contains("line 1: byte 0xC3 is not ASCII", file.Problems[0]);
            Assert.Contains("line 2: control character 0x00", file.Problems[1]);
        }

        [TestMethod]
        public void AnOversizedFileIsOneProblem()
        {
            byte[] bytes = new byte[BoardSettingsFile.MaxBytes + 1];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)'#';
            }

            BoardSettingsOutcome outcome = BoardSettingsLoader.Load(new WwepSettings(), SettingsFileRead.Read(bytes, bytes.Length));

            Assert.AreEqual(1, outcome.Problems.Length, Joined(outcome.Problems));
            Assert.Contains("I:\\wwep.conf is more than 4096 bytes", outcome.Problems[0]);
        }

        [TestMethod]
        public void AValueTheSettingsRefuseNamesTheFileAsItsSource()
        {
            BoardSettingsOutcome outcome = Load("PlainPort=70000\nSecondButtonPin=4\n");

            Assert.IsFalse(outcome.IsUsable);
            Assert.AreEqual(1, outcome.Problems.Length, Joined(outcome.Problems));
            Assert.AreEqual("PlainPort 70000 is not a TCP port (1 to 65535) (PlainPort from I:\\wwep.conf)", outcome.Problems[0]);
            Assert.Contains("fix I:\\wwep.conf with nf-build/configure", outcome.Fix);
        }

        [TestMethod]
        public void AProblemOfTheCompiledSettingsPointsAtLocalSettings()
        {
            WwepSettings compiled = new WwepSettings();
            compiled.MaxAttempts = 0;

            BoardSettingsOutcome outcome = BoardSettingsLoader.Load(compiled, Read("SecondButtonPin=4\n"));

            Assert.AreEqual(1, outcome.Problems.Length, Joined(outcome.Problems));
            Assert.AreEqual("MaxAttempts is 0: it must be 1 to 100", outcome.Problems[0], "SecondButtonPin is not MaxAttempts: no file source named");
            Assert.Contains("fix them in LocalSettings.cs", outcome.Fix);
        }

        [TestMethod]
        public void AKeyNameInsideAnotherIsNotTakenForIt()
        {
            // "ButtonPin" is inside "SecondButtonPin": the problem is about the file's SecondButtonPin only.
            BoardSettingsOutcome outcome = Load("Mode=two-button\nSecondButtonPin=2\n");

            Assert.AreEqual(1, outcome.Problems.Length, Joined(outcome.Problems));
            Assert.Contains("(SecondButtonPin from I:\\wwep.conf)", outcome.Problems[0]);
            Assert.IsTrue(outcome.Problems[0].IndexOf("Mode, ") < 0, outcome.Problems[0]);
        }

        [TestMethod]
        public void ModesAndFlagsIgnoreCaseAndPinsMayBeNegative()
        {
            BoardSettingsFileContent file = Parse("Mode=PLAIN\nUseClientCertificate=False\nSecondButtonPin=-1\n");

            Assert.AreEqual(0, file.Problems.Length, Joined(file.Problems));
            WwepSettings settings = new WwepSettings();
            settings.UseClientCertificate = true;
            settings.SecondButtonPin = 4;
            file.ApplyTo(settings);
            Assert.AreEqual((int)LinkMode.Plain, (int)settings.Mode);
            Assert.IsFalse(settings.UseClientCertificate);
            Assert.AreEqual(-1, settings.SecondButtonPin);
        }

        [TestMethod]
        public void AnEmptyTextValueClearsTheCompiledOne()
        {
            WwepSettings compiled = new WwepSettings();
            compiled.ServerFallbackIp = "10.0.0.9";

            BoardSettingsOutcome outcome = BoardSettingsLoader.Load(compiled, Read("ServerFallbackIp=\n"));

            Assert.IsTrue(outcome.IsUsable, Joined(outcome.Problems));
            Assert.AreEqual(string.Empty, outcome.Settings.ServerFallbackIp);
        }

        [TestMethod]
        public void TheWifiPasswordIsNeverLogged()
        {
            WwepSettings compiled = new WwepSettings();
            compiled.WifiSsid = "lab-net";
            compiled.WifiPassword = "test-only-passphrase";

            BoardSettingsOutcome outcome = BoardSettingsLoader.Load(compiled, Read("ServerHost=wwep.lan\n"));

            string notes = Joined(outcome.Notes);
            Assert.Contains("setting WifiSsid=lab-net (compiled in, LocalSettings.cs; the password is not shown)", notes);
            Assert.IsTrue(notes.IndexOf("test-only-passphrase") < 0, notes);
        }

        [DataRow("12", 12)]
        [DataRow("-1", -1)]
        [DataRow("0", 0)]
        [DataRow("999999999", 999999999)]
        public void WholeNumbersParse(string text, int expected)
        {
            int value = 7;
            Assert.IsTrue(BoardSettingsFile.TryParseInteger(text, ref value), text);
            Assert.AreEqual(expected, value);
        }

        [DataRow("")]
        [DataRow("-")]
        [DataRow("1e3")]
        [DataRow("+5")]
        [DataRow("0x10")]
        [DataRow("1000000000")]
        public void OtherTextIsNoWholeNumber(string text)
        {
            int value = 7;
            Assert.IsFalse(BoardSettingsFile.TryParseInteger(text, ref value), text);
            Assert.AreEqual(7, value, "unchanged when the text is refused");
        }

        private static SettingsFileRead Read(string text)
        {
            return SettingsFileRead.Read(Ascii.Bytes(text), text.Length);
        }

        private static BoardSettingsOutcome Load(string text)
        {
            return BoardSettingsLoader.Load(new WwepSettings(), Read(text));
        }

        private static BoardSettingsFileContent Parse(string text)
        {
            return BoardSettingsFile.Parse(Ascii.Bytes(text), text.Length);
        }

        // The bad-line rows say "line 1" as a reader counts their own line; the test puts a comment line before it.
        private static string ShiftLine(string expected)
        {
            return "line 2" + expected.Substring("line 1".Length);
        }

        private static string Joined(string[] lines)
        {
            string all = string.Empty;
            for (int i = 0; i < lines.Length; i++)
            {
                all = all + lines[i] + " | ";
            }

            return all;
        }
    }
}
