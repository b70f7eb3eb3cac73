using System;
using System.IO;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;

namespace NfBuild.DeployCheck
{
    /// <summary>
    /// <c>DeployCheck --settings-file wwep.conf</c>: the board's own settings parser and merge
    /// (<see cref="BoardSettingsLoader"/>, compiled from the very files of WwepDevice/Core/Settings) over the default
    /// settings, run by nf-build/configure before it writes anything. Prints the board's own error lines and exits 1
    /// when the board would not start with the file; prints nothing and exits 0 when it would.
    /// </summary>
    public static class SettingsCheck
    {
        /// <summary>Checks one settings file.</summary>
        /// <param name="path">The file configure is about to store as I:\wwep.conf.</param>
        /// <returns>0 when the board accepts it, 1 when it refuses it, 3 when the file cannot be read.</returns>
        public static int Run(string path)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (IOException ex)
            {
                Console.WriteLine("cannot read " + path + ": " + ex.Message);
                return Program.Unreadable;
            }

            BoardSettingsOutcome outcome = BoardSettingsLoader.Load(new WwepSettings(), SettingsFileRead.Read(bytes, bytes.Length));
            if (outcome.IsUsable)
            {
                return Program.Match;
            }

            outcome.Report(new ErrorLines());
            return Program.Mismatch;
        }

        // The boot log's error lines, word for word, without the board's time stamps and levels.
        private sealed class ErrorLines : ILog
        {
            public void Write(LogLevel level, string line)
            {
                if (level == LogLevel.Error)
                {
                    Console.WriteLine(line);
                }
            }
        }
    }
}
