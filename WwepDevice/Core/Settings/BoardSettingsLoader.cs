using System;

namespace WwepDevice.Core.Settings
{
    /// <summary>
    /// Merges the board's settings file over the compiled settings. Precedence: the file, then LocalSettings.cs,
    /// then the defaults of <see cref="WwepSettings"/>. A missing file is normal (the compiled settings apply);
    /// an unreadable file, a bad line or a merged value that <see cref="WwepSettings.Validate"/> refuses keeps the
    /// board from starting, with one line per problem.
    /// </summary>
    public static class BoardSettingsLoader
    {
        /// <summary>Where a value of the settings file comes from, as the boot log names it.</summary>
        public const string FileSource = "from " + BoardSettingsFile.FilePath;

        /// <summary>Where a compiled value that differs from the default comes from.</summary>
        public const string CompiledSource = "compiled in, LocalSettings.cs";

        /// <summary>Merges what the storage adapter read over the compiled settings.</summary>
        /// <param name="compiled">Defaults plus LocalSettings.cs (changed in place by every line of the file that parsed).</param>
        /// <param name="read">What reading the settings file gave.</param>
        /// <returns>The settings, the notes for the log, and the problems.</returns>
        public static BoardSettingsOutcome Load(WwepSettings compiled, SettingsFileRead read)
        {
            BoardSettingsFileContent file = null;
            string[] lineProblems = new string[0];
            string fileNote;
            if (read.Kind == SettingsFileReadKind.Missing)
            {
                fileNote = "no " + BoardSettingsFile.FilePath + " on the board: the compiled settings apply (nf-build/configure --port <serial> --server <host> stores one)";
            }
            else if (read.Kind == SettingsFileReadKind.Failed)
            {
                string message = read.ExceptionMessage != null && read.ExceptionMessage.Length > 0 ? ": " + read.ExceptionMessage : string.Empty;
                // The adapter reports an exception from looking for the file and from reading it alike: a firmware image
                // without internal storage lands here too, hence the second fix.
                string problem = BoardSettingsFile.FilePath + " could not be read (" + read.ExceptionType + message + "): store it again with nf-build/configure --port <serial> --server <host>, or, if the board has no internal storage I:, flash the reference ESP32 firmware with nf-build/flash";
                return new BoardSettingsOutcome(compiled, new string[0], new string[] { problem }, FixLine(true));
            }
            else
            {
                // The lines that parsed are applied even when others did not, so that their range problems are told in
                // the same boot as the line problems: every error of the file at once, not one fix per boot.
                file = BoardSettingsFile.Parse(read.Content, read.Length);
                lineProblems = file.Problems;
                file.ApplyTo(compiled);
                fileNote = BoardSettingsFile.FilePath + " sets " + file.Count.ToString() + (file.Count == 1 ? " value" : " values");
            }

            string[] problems = Concat(lineProblems, compiled.Validate());
            bool anyFromFile = lineProblems.Length > 0;
            for (int i = lineProblems.Length; i < problems.Length; i++)
            {
                string names = FileKeysNamedIn(problems[i], file);
                if (names.Length > 0)
                {
                    problems[i] += " (" + names + " " + FileSource + ")";
                    anyFromFile = true;
                }
            }

            if (problems.Length > 0)
            {
                return new BoardSettingsOutcome(compiled, new string[0], problems, FixLine(anyFromFile));
            }

            return new BoardSettingsOutcome(compiled, Notes(compiled, file, fileNote), problems, null);
        }

        /// <summary>The source of each value that differs from the default, one line each, then the file's line.</summary>
        /// <param name="settings">The merged settings.</param>
        /// <param name="file">The parsed file, or null when there was none.</param>
        /// <param name="fileNote">The line about the settings file.</param>
        /// <returns>The lines, for example <c>setting ServerHost=wwep.lan (from I:\wwep.conf)</c>.</returns>
        private static string[] Notes(WwepSettings settings, BoardSettingsFileContent file, string fileNote)
        {
            string[] lines = SettingLines(settings, file, CompiledSource);
            string[] notes = new string[lines.Length + 1];
            Array.Copy(lines, notes, lines.Length);
            notes[lines.Length] = fileNote;
            return notes;
        }

        /// <summary>One line per value that differs from the default, naming its source (the boot log, the status block).</summary>
        /// <param name="settings">The settings in use.</param>
        /// <param name="file">The parsed settings file, or null: every value then comes from <paramref name="otherSource"/>.</param>
        /// <param name="otherSource">Where a value the file does not set comes from, for example <see cref="CompiledSource"/>.</param>
        /// <returns>The lines, for example <c>setting ServerHost=wwep.lan (from I:\wwep.conf)</c>.</returns>
        public static string[] SettingLines(WwepSettings settings, BoardSettingsFileContent file, string otherSource)
        {
            WwepSettings defaults = new WwepSettings();
            string[] notes = new string[BoardSettingKeys.All.Length + 1];
            int count = 0;
            for (int i = 0; i < BoardSettingKeys.All.Length; i++)
            {
                BoardSettingKey key = BoardSettingKeys.All[i];
                string value = key.Get(settings);
                if (value == key.Get(defaults))
                {
                    continue;
                }

                string source = file != null && file.Sets(key.Name) ? FileSource : otherSource;
                notes[count++] = "setting " + key.Name + "=" + value + " (" + source + ")";
            }

            if (settings.WifiSsid != null && settings.WifiSsid.Length > 0)
            {
                // The Wi-Fi network is compiled in only when LocalSettings.cs sets it; its password is never logged.
                notes[count++] = "setting WifiSsid=" + settings.WifiSsid + " (" + otherSource + "; the password is not shown)";
            }

            string[] result = new string[count];
            Array.Copy(notes, result, count);
            return result;
        }

        // The line problems first, then the range problems, in one array.
        private static string[] Concat(string[] first, string[] second)
        {
            string[] all = new string[first.Length + second.Length];
            Array.Copy(first, all, first.Length);
            Array.Copy(second, 0, all, first.Length, second.Length);
            return all;
        }

        private static string FixLine(bool fileInvolved)
        {
            return fileInvolved
                ? "the board does not start with these settings: fix " + BoardSettingsFile.FilePath + " with nf-build/configure --port <serial> (see its --help), or LocalSettings.cs (rebuild and deploy)"
                : "the board does not start with these settings: fix them in LocalSettings.cs (or WwepDevice/DeviceSettings.cs), rebuild and deploy, or override them with nf-build/configure --port <serial>";
        }

        // The keys set by the file that a problem names, as whole words ("ButtonPin" is not in "SecondButtonPin").
        private static string FileKeysNamedIn(string problem, BoardSettingsFileContent file)
        {
            string names = string.Empty;
            if (file == null)
            {
                return names;
            }

            for (int i = 0; i < file.Count; i++)
            {
                string name = file.KeyAt(i).Name;
                if (NamesWord(problem, name))
                {
                    names += (names.Length == 0 ? string.Empty : ", ") + name;
                }
            }

            return names;
        }

        private static bool NamesWord(string text, string word)
        {
            int from = 0;
            while (from <= text.Length - word.Length)
            {
                int at = text.IndexOf(word, from);
                if (at < 0)
                {
                    return false;
                }

                int after = at + word.Length;
                if ((at == 0 || !IsWordChar(text[at - 1])) && (after == text.Length || !IsWordChar(text[after])))
                {
                    return true;
                }

                from = at + 1;
            }

            return false;
        }

        private static bool IsWordChar(char c)
        {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
    }
}
