using System;
using System.Collections.Generic;
using System.Linq;

namespace WwepCerts.Tests
{
    /// <summary>The result of one in-process run of the tool: exit code and what it printed.</summary>
    internal sealed record ToolRun(int ExitCode, string Output, string Error)
    {
        /// <summary>Report lines of the given level ("ERROR", "WARN", "ok").</summary>
        public IReadOnlyList<string> Lines(string level)
        {
            return Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.TrimEnd('\r'))
                .Where(line => line.StartsWith(level + " ", StringComparison.Ordinal))
                .ToList();
        }

        /// <summary>The rule names of the ERROR lines, e.g. "expired".</summary>
        public IReadOnlyList<string> ErrorRules => RulesOf("ERROR");

        /// <summary>The rule names of the WARN lines.</summary>
        public IReadOnlyList<string> WarningRules => RulesOf("WARN");

        /// <summary>The one ERROR line of a rule; fails when there is not exactly one.</summary>
        public string SingleError(string rule)
        {
            List<string> matches = Lines("ERROR").Where(line => line.EndsWith("[" + rule + "]", StringComparison.Ordinal)).ToList();
            if (matches.Count != 1)
            {
                throw new InvalidOperationException("expected one [" + rule + "] error, found " + matches.Count + ":\n" + Output + Error);
            }

            return matches[0];
        }

        /// <inheritdoc/>
        public override string ToString()
        {
            return "exit " + ExitCode + "\n" + Output + Error;
        }

        private IReadOnlyList<string> RulesOf(string level)
        {
            return Lines(level)
                .Select(line => line.Substring(line.LastIndexOf('[') + 1).TrimEnd(']'))
                .Distinct()
                .OrderBy(rule => rule, StringComparer.Ordinal)
                .ToList();
        }
    }
}
