using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace NfBuild.Tests
{
    /// <summary>The long options a bash script of nf-build accepts, read from its argument loop.</summary>
    public static class ScriptOptions
    {
        // The scripts read their arguments in one loop: while [ $# -gt 0 ]; do case "$1" in ... esac; done. The loop's
        // esac stands as far in as its case: an arm may hold a case of its own (configure's --mode).
        private static readonly Regex s_argumentLoop = new Regex(@"while \[ \$# -gt 0 \]; do[ \t]*\n(?<indent>[ \t]*)case ""\$1"" in\n(?<arms>.*?)\n\k<indent>esac", RegexOptions.Singleline);

        // An arm's labels: "--port)", "--configuration | -c)", "-h|--help)", "--port=*)".
        private static readonly Regex s_label = new Regex(@"^\s*(?<labels>-[^)\s]*(?:\s*\|\s*-[^)\s]*)*)\)", RegexOptions.Multiline);

        /// <summary>The long options (<c>--port</c>), each once, sorted; <c>--</c> itself is not one.</summary>
        /// <param name="script">The script's text.</param>
        /// <returns>The options.</returns>
        public static string[] Accepted(string script)
        {
            Match loop = s_argumentLoop.Match(script);
            if (!loop.Success)
            {
                throw new ArgumentException("no argument loop (while [ $# -gt 0 ]; do case \"$1\" in ...) in the script");
            }

            var options = new SortedSet<string>(StringComparer.Ordinal);
            foreach (Match arm in s_label.Matches(loop.Groups["arms"].Value))
            {
                foreach (string label in arm.Groups["labels"].Value.Split('|'))
                {
                    string option = label.Trim();
                    int glob = option.IndexOf('=');
                    option = glob >= 0 ? option.Substring(0, glob) : option;
                    if (option.StartsWith("--", StringComparison.Ordinal) && option.Length > 2)
                    {
                        options.Add(option);
                    }
                }
            }

            return new List<string>(options).ToArray();
        }
    }
}
