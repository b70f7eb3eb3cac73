using System.Collections.Generic;

namespace NfBuild.DeployCheck
{
    /// <summary>
    /// Whether a board's firmware can run an image, by the nanoCLR's own rule and the one its Visual Studio deploy adds.
    /// The nanoCLR, loading each assembly, looks up a native assembly of the same name in its firmware and, when there
    /// is one, refuses the assembly unless the header's nativeMethodsChecksum equals the firmware's checksum
    /// (nanoframework/nf-interpreter src/CLR/Startup/CLRStartup.cpp, LoadAssembly: "Invalid native checksum",
    /// CLR_E_ASSM_WRONG_CHECKSUM). An assembly with native methods (checksum not 0) whose native assembly the firmware
    /// lacks loads, but its first native call cannot run: the IDE's deploy refuses that too ("Couldn't find a valid
    /// native assembly required by ..."), and so does this.
    /// </summary>
    public sealed class NativeMatch
    {
        private NativeMatch(bool matches, string line)
        {
            Matches = matches;
            Line = line;
        }

        /// <summary>True when the board can load every assembly of the image.</summary>
        public bool Matches { get; }

        /// <summary>One line: what was checked, or the first mismatch with both sides and the fix.</summary>
        public string Line { get; }

        /// <summary>Compares an image with a board.</summary>
        /// <param name="image">The image's assemblies.</param>
        /// <param name="board">The board's device details.</param>
        /// <param name="flashCommand">The command that flashes the matching firmware (named in the fix); <c>{target}</c> in it
        /// becomes the target the board reports.</param>
        /// <returns>The verdict.</returns>
        public static NativeMatch Check(PeAssembly[] image, DeviceDetails board, string flashCommand)
        {
            string firmware = "the board's firmware" + (board.FirmwareVersion != null ? " " + board.FirmwareVersion : string.Empty) + (board.Target != null ? " (" + board.Target + ")" : string.Empty);
            List<string> problems = new List<string>();
            List<string> problemNames = new List<string>();
            List<string> checkedNames = new List<string>();
            foreach (PeAssembly assembly in image)
            {
                NativeAssembly? native = board.Find(assembly.Name);
                string needs = assembly.Name + " " + assembly.Version + " in the image was built for native checksum " + Hex(assembly.NativeChecksum);
                if (native != null && native.Checksum != assembly.NativeChecksum)
                {
                    problems.Add(assembly.Name + ": " + needs + ", " + firmware + " has " + native.Name + " v" + native.Version + ", checksum " + Hex(native.Checksum) + ": the board would refuse the image (CLR_E_ASSM_WRONG_CHECKSUM)");
                    problemNames.Add(assembly.Name);
                }
                else if (native == null && assembly.NativeChecksum != 0)
                {
                    problems.Add(assembly.Name + ": " + needs + ", and " + firmware + " has no native " + assembly.Name + " at all: the image's calls into it cannot run");
                    problemNames.Add(assembly.Name);
                }
                else if (native != null)
                {
                    checkedNames.Add(assembly.Name);
                }
            }

            if (problems.Count > 0)
            {
                string more = problems.Count > 1 ? " (also " + string.Join(", ", problemNames.GetRange(1, problemNames.Count - 1)) + ")" : string.Empty;
                return new NativeMatch(false, problems[0] + more + "; fix: flash the firmware that matches packages.config with " + flashCommand.Replace("{target}", board.Target ?? "<target>") + " (versions in nf-build/firmware-versions.txt), or build against packages that match this firmware, then deploy again");
            }

            return new NativeMatch(true, firmware + " has the native code of every assembly in the image that needs it, at its checksum (" + string.Join(", ", checkedNames) + ")");
        }

        private static string Hex(uint value)
        {
            return "0x" + value.ToString("X8");
        }
    }
}
