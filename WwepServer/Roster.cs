using System;
using System.Collections.Generic;
using System.IO;
using WwepDevice.Core.Protocol;

namespace WwepServer
{
    /// <summary>
    /// Names for the boards (<c>--roster FILE</c>): a CSV file of lines <c>device ID,name</c> such as <c>0FAC,Ada</c>, with
    /// an optional header line. The classroom view shows each name on its board's card and in /api/devices, and lists
    /// the boards on the roster that have not been seen. A line that cannot be read stops the start with one error that
    /// names the file and the line.
    /// </summary>
    public sealed class Roster
    {
        /// <summary>Characters of a name kept (the view cuts longer ones).</summary>
        public const int MaxNameLength = 40;

        private readonly SortedDictionary<string, string> _names;

        private Roster(SortedDictionary<string, string> names)
        {
            _names = names;
        }

        /// <summary>No names.</summary>
        public static Roster Empty { get; } = new Roster(new SortedDictionary<string, string>(StringComparer.Ordinal));

        /// <summary>The names by device ID (4 uppercase hex digits).</summary>
        public IReadOnlyDictionary<string, string> Names
        {
            get { return _names; }
        }

        /// <summary>Reads the roster file.</summary>
        /// <param name="path">The file.</param>
        /// <returns>The roster.</returns>
        /// <exception cref="StartupException">The file is missing, or a line is not <c>device ID,name</c>.</exception>
        public static Roster Load(string path)
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new StartupException("cannot read the roster " + path + ": " + e.Message + " (--roster takes a CSV file of lines such as 0FAC,Ada)", e);
            }

            return Parse(path, lines);
        }

        /// <summary>Reads roster lines.</summary>
        /// <param name="path">The file they came from, for the error.</param>
        /// <param name="lines">The lines.</param>
        /// <returns>The roster.</returns>
        /// <exception cref="StartupException">A line is not <c>device ID,name</c>, or a device ID comes twice.</exception>
        public static Roster Parse(string path, IReadOnlyList<string> lines)
        {
            var names = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            bool firstContentLine = true;
            for (int i = 0; i < lines.Count; i++)
            {
                string line = lines[i].Trim().TrimStart('\uFEFF');
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                string Where()
                {
                    return path + " line " + (i + 1) + " '" + ClientText.Cut(lines[i].Trim()) + "'";
                }

                int comma = line.IndexOf(',');
                string id = (comma < 0 ? line : line.Substring(0, comma)).Trim().Trim('"');
                string name = comma < 0 ? string.Empty : line.Substring(comma + 1).Trim().Trim('"').Trim();
                bool isDevice = DeviceIdentity.TryParseHex(id, out int deviceId);
                if (firstContentLine && !isDevice)
                {
                    // A header such as "device ID,name": the first line only, and only when it names no device.
                    firstContentLine = false;
                    continue;
                }

                firstContentLine = false;
                if (!isDevice)
                {
                    throw new StartupException("roster " + Where() + ": '" + ClientText.Cut(id) + "' is not a device ID (4 hex digits such as 0FAC); each line is: device ID,name");
                }

                if (name.Length == 0)
                {
                    throw new StartupException("roster " + Where() + ": no name after the device ID; each line is: device ID,name (for example 0FAC,Ada)");
                }

                string key = DeviceIdentity.ToHex(deviceId);
                if (firstLine.TryGetValue(key, out int earlier))
                {
                    throw new StartupException("roster " + Where() + ": device " + key + " is already on line " + earlier + "; give each board one line");
                }

                firstLine[key] = i + 1;
                names[key] = name.Length > MaxNameLength ? name.Substring(0, MaxNameLength) : name;
            }

            return new Roster(names);
        }

        /// <summary>The name of a device, or null.</summary>
        /// <param name="deviceId">4 uppercase hex digits.</param>
        /// <returns>The name, or null when the roster has none.</returns>
        public string? NameOf(string deviceId)
        {
            return _names.TryGetValue(deviceId, out string? name) ? name : null;
        }
    }
}
