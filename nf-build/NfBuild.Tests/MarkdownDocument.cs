using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace NfBuild.Tests
{
    /// <summary>A Markdown file as GitHub renders it, as far as its links and headings go.</summary>
    public sealed class MarkdownDocument
    {
        private static readonly Regex s_fence = new Regex(@"^(```|~~~).*?^\1[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline);
        private static readonly Regex s_inlineCode = new Regex(@"`[^`\n]*`");
        private static readonly Regex s_link = new Regex(@"!?\[(?<text>[^\]\n]*)\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)");
        private static readonly Regex s_heading = new Regex(@"^#{1,6}[ \t]+(?<text>.+?)[ \t#]*$", RegexOptions.Multiline);

        private MarkdownDocument(string path, string text)
        {
            Path = path;
            string prose = s_fence.Replace(text, string.Empty);
            var links = new List<string>();
            foreach (Match link in s_link.Matches(s_inlineCode.Replace(prose, string.Empty)))
            {
                links.Add(link.Groups["target"].Value);
            }

            Links = links;
            var anchors = new List<string>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (Match heading in s_heading.Matches(prose))
            {
                string anchor = Anchor(heading.Groups["text"].Value);
                seen.TryGetValue(anchor, out int count);
                anchors.Add(count == 0 ? anchor : anchor + "-" + count.ToString(CultureInfo.InvariantCulture));
                seen[anchor] = count + 1;
            }

            Anchors = anchors;
        }

        /// <summary>The file.</summary>
        public string Path { get; }

        /// <summary>Every link and image target outside code, as written.</summary>
        public IReadOnlyList<string> Links { get; }

        /// <summary>The anchors GitHub gives the headings, in order (a repeated one gets -1, -2, ...).</summary>
        public IReadOnlyList<string> Anchors { get; }

        /// <summary>Reads a file.</summary>
        /// <param name="path">Its path.</param>
        /// <returns>The document.</returns>
        public static MarkdownDocument Load(string path)
        {
            return new MarkdownDocument(path, File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        /// <summary>
        /// The anchor GitHub makes of a heading: the text as rendered (code spans and links reduced to their text),
        /// lower case, every character but letters, digits, spaces, hyphens and underscores dropped, each space a hyphen.
        /// </summary>
        /// <param name="heading">The heading's Markdown text.</param>
        /// <returns>The anchor, without '#'.</returns>
        public static string Anchor(string heading)
        {
            string text = s_link.Replace(heading, match => match.Groups["text"].Value).Replace("`", string.Empty, StringComparison.Ordinal);
            var anchor = new StringBuilder();
            foreach (char c in text.ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c == '-' || c == '_')
                {
                    anchor.Append(c);
                }
                else if (c == ' ')
                {
                    anchor.Append('-');
                }
            }

            return anchor.ToString();
        }
    }
}
