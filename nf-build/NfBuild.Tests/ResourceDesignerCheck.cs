using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using WwepDevice.Core.Tls;

namespace NfBuild.Tests
{
    /// <summary>
    /// Checks that Resources.Designer.cs matches Resources.resx. Outside Visual Studio nobody regenerates the
    /// designer file, and the device looks resources up by the 16-bit IDs written there: a name or ID that drifts
    /// from the resx compiles fine and then finds nothing on the board.
    /// </summary>
    public static class ResourceDesignerCheck
    {
        private static readonly Regex s_enum = new Regex(@"enum\s+(?<kind>\w+Resources)\s*:\s*short\s*\{(?<body>[^}]*)\}", RegexOptions.CultureInvariant);

        private static readonly Regex s_member = new Regex(@"(?<name>\w+)\s*=\s*(?<id>-?\d+)\s*,?", RegexOptions.CultureInvariant);

        private static readonly Regex s_manager = new Regex(@"new\s+System\.Resources\.ResourceManager\(\s*""(?<name>[^""]*)""", RegexOptions.CultureInvariant);

        /// <summary>The designer enum a resx entry belongs in, as the nanoFramework generator sorts them.</summary>
        /// <param name="data">A &lt;data&gt; element.</param>
        /// <returns>BinaryResources, StringResources, BitmapResources or FontResources.</returns>
        public static string KindOf(XElement data)
        {
            string type = (string?)data.Attribute("type") ?? string.Empty;
            string value = (string?)data.Element("value") ?? string.Empty;
            if (type.Contains("ResXFileRef", StringComparison.Ordinal))
            {
                if (value.Contains("System.Drawing.Bitmap", StringComparison.Ordinal))
                {
                    return "BitmapResources";
                }

                return value.Split(';')[0].EndsWith(".tinyfnt", StringComparison.OrdinalIgnoreCase) ? "FontResources" : "BinaryResources";
            }

            return "StringResources";
        }

        /// <summary>Every disagreement between the two files, one sentence each.</summary>
        /// <param name="resx">Resources.resx.</param>
        /// <param name="designerSource">The text of Resources.Designer.cs.</param>
        /// <param name="rootNamespace">The project's RootNamespace (the resource manager is named after it).</param>
        /// <returns>The problems (empty when they agree).</returns>
        public static List<string> Check(XDocument resx, string designerSource, string rootNamespace)
        {
            var problems = new List<string>();

            Match manager = s_manager.Match(designerSource);
            if (!manager.Success)
            {
                problems.Add("Resources.Designer.cs creates no ResourceManager");
            }
            else if (manager.Groups["name"].Value != rootNamespace + ".Resources")
            {
                problems.Add("Resources.Designer.cs names its ResourceManager '" + manager.Groups["name"].Value + "', but the resources are built as '"
                    + rootNamespace + ".Resources' (RootNamespace + .Resources)");
            }

            // (enum, member) -> ID, as the designer file has them.
            var designer = new Dictionary<(string Kind, string Name), int>();
            foreach (Match enumMatch in s_enum.Matches(designerSource))
            {
                string kind = enumMatch.Groups["kind"].Value;
                foreach (Match member in s_member.Matches(enumMatch.Groups["body"].Value))
                {
                    designer[(kind, member.Groups["name"].Value)] = int.Parse(member.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
                }

                foreach (IGrouping<int, KeyValuePair<(string Kind, string Name), int>> clash in designer
                    .Where(entry => entry.Key.Kind == kind).GroupBy(entry => entry.Value).Where(group => group.Count() > 1))
                {
                    problems.Add("Resources.Designer.cs: " + kind + " " + string.Join(" and ", clash.Select(entry => entry.Key.Name))
                        + " share the ID " + clash.Key + ": rename one, or give it an explicit ID with Name;Id in Resources.resx");
                }
            }

            var expected = new HashSet<(string Kind, string Name)>();
            foreach (XElement data in resx.Root!.Elements("data"))
            {
                string fullName = (string?)data.Attribute("name") ?? string.Empty;
                string memberName = fullName.Split(';')[0].Trim().Replace('.', '_');
                string kind = KindOf(data);
                expected.Add((kind, memberName));

                short id;
                try
                {
                    id = ResourceId.FromName(fullName);
                }
                catch (ArgumentException ex)
                {
                    problems.Add("Resources.resx: " + ex.Message);
                    continue;
                }

                if (!designer.TryGetValue((kind, memberName), out int written))
                {
                    problems.Add("Resources.resx has " + fullName + ", but Resources.Designer.cs has no " + kind + "." + memberName
                        + ": regenerate the designer file (certs embed writes both)");
                }
                else if (written != id)
                {
                    problems.Add("Resources.Designer.cs gives " + kind + "." + memberName + " the ID " + written + ", but the name '" + fullName
                        + "' makes " + id + ": the board would look up the wrong resource");
                }
            }

            foreach ((string kind, string name) in designer.Keys.Where(key => !expected.Contains(key)))
            {
                problems.Add("Resources.Designer.cs has " + kind + "." + name + ", which Resources.resx does not define");
            }

            return problems;
        }
    }
}
