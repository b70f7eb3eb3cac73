using System;

namespace NfBuild.Tests
{
    /// <summary>What one run of an nf-build script did.</summary>
    public sealed class ScriptResult
    {
        /// <summary>Creates a result.</summary>
        /// <param name="exitCode">The process exit code.</param>
        /// <param name="standardOutput">Everything written to stdout.</param>
        /// <param name="standardError">Everything written to stderr.</param>
        public ScriptResult(int exitCode, string standardOutput, string standardError)
        {
            ExitCode = exitCode;
            StandardOutput = standardOutput;
            StandardError = standardError;
        }

        /// <summary>The process exit code.</summary>
        public int ExitCode { get; }

        /// <summary>Everything written to stdout.</summary>
        public string StandardOutput { get; }

        /// <summary>Everything written to stderr.</summary>
        public string StandardError { get; }

        /// <summary>The stdout lines, without the empty last one.</summary>
        public string[] OutputLines => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        /// <summary>The stderr lines a verb says itself (<c>nf-build/&lt;verb&gt;: ...</c>), without tools' output and echoes.</summary>
        /// <param name="verb">flash, deploy, configure or build.</param>
        /// <returns>The lines.</returns>
        public string[] VerbLines(string verb)
        {
            string prefix = "nf-build/" + verb + ": ";
            return Array.FindAll(StandardError.Split('\n'), line => line.StartsWith(prefix, StringComparison.Ordinal));
        }

        /// <summary>The stderr lines that name a missing prerequisite (<c>nf-build/&lt;verb&gt;: missing: ...</c>).</summary>
        public string[] MissingLines => Array.FindAll(StandardError.Split('\n'), line => line.Contains(": missing: ", StringComparison.Ordinal));

        /// <inheritdoc/>
        public override string ToString()
        {
            // Shown by a failed assertion: all of it, so the failure explains itself.
            return "exit " + ExitCode + "\n--- stdout\n" + StandardOutput + "--- stderr\n" + StandardError;
        }
    }
}
