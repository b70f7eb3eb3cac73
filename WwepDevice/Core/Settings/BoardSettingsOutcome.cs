using WwepDevice.Core.Runtime;

namespace WwepDevice.Core.Settings
{
    /// <summary>
    /// The settings the board runs with, after the settings file was merged over the compiled ones, with what the
    /// boot log says about them: a note per non-default value naming where it came from, or the problems that keep
    /// the board from starting.
    /// </summary>
    public sealed class BoardSettingsOutcome
    {
        /// <summary>Creates an outcome.</summary>
        /// <param name="settings">The merged settings.</param>
        /// <param name="notes">Information lines for the boot log.</param>
        /// <param name="problems">Problem lines, each with its fix; empty when the board may start.</param>
        /// <param name="fix">The closing line after the problems: where to fix them.</param>
        public BoardSettingsOutcome(WwepSettings settings, string[] notes, string[] problems, string fix)
        {
            Settings = settings;
            Notes = notes;
            Problems = problems;
            Fix = fix;
        }

        /// <summary>The merged settings: defaults, then LocalSettings.cs, then the settings file.</summary>
        public WwepSettings Settings { get; private set; }

        /// <summary>One line per non-default value with its source, and a line about the settings file.</summary>
        public string[] Notes { get; private set; }

        /// <summary>The problems; the board does not start while there is one.</summary>
        public string[] Problems { get; private set; }

        /// <summary>Where to fix the problems (null when there are none).</summary>
        public string Fix { get; private set; }

        /// <summary>Whether the board may start with these settings.</summary>
        public bool IsUsable
        {
            get { return Problems.Length == 0; }
        }

        /// <summary>
        /// Writes what the boot log says about the settings: each problem as an error line <c>setting: ...</c> and then
        /// <see cref="Fix"/>, or, when the board may start, the notes.
        /// </summary>
        /// <param name="log">The boot log.</param>
        public void Report(ILog log)
        {
            for (int i = 0; i < Problems.Length; i++)
            {
                log.Write(LogLevel.Error, "setting: " + Problems[i]);
            }

            if (!IsUsable)
            {
                log.Write(LogLevel.Error, Fix);
            }

            for (int i = 0; i < Notes.Length; i++)
            {
                log.Write(LogLevel.Info, Notes[i]);
            }
        }
    }
}
