using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NfBuild.DeployCheck
{
    /// <summary>
    /// What nanoff's device details (2.x <c>--nanodevice --devicedetails</c>, 3.x <c>details</c>) say about a board's
    /// firmware. nanoff prints the debugger library's device info (nanoFirmwareFlasher.Library/NanoDeviceOperations.cs,
    /// GetDeviceDetails, at v2.5.162 and v3.0.0-preview.1), whose text is nanoframework/nf-debugger
    /// nanoFramework.Tools.DebugLibrary.Shared/MFDeployTool/NanoFrameworkDeviceInfo.cs, ToString (v2.5.23): among others
    /// <c>  Target:   ESP32_REV3</c>, <c>  CLR Version: 1.17.0.339</c>, and after a line <c>Native Assemblies:</c> one line
    /// per native assembly, <c>  {Name} v{Version}, checksum 0x{Checksum:X8}</c>.
    /// </summary>
    public sealed class DeviceDetails
    {
        private static readonly Regex s_native = new Regex(@"^\s+(\S+) v([0-9]+(?:\.[0-9]+){1,3}), checksum 0x([0-9A-Fa-f]{8})\s*$", RegexOptions.CultureInvariant);
        private static readonly Regex s_clrVersion = new Regex(@"^\s+CLR Version:\s*(\S+)\s*$", RegexOptions.CultureInvariant);
        private static readonly Regex s_target = new Regex(@"^\s+Target:\s*(\S+)\s*$", RegexOptions.CultureInvariant);

        private DeviceDetails(NativeAssembly[] natives, string? firmwareVersion, string? target)
        {
            NativeAssemblies = natives;
            FirmwareVersion = firmwareVersion;
            Target = target;
        }

        /// <summary>The firmware's native assemblies, in the order nanoff printed them.</summary>
        public NativeAssembly[] NativeAssemblies { get; }

        /// <summary>The firmware version (the CLR Version line), or null when nanoff printed none.</summary>
        public string? FirmwareVersion { get; }

        /// <summary>The firmware's target name (for example ESP32_REV3), or null.</summary>
        public string? Target { get; }

        /// <summary>Reads nanoff's output.</summary>
        /// <param name="text">Everything nanoff printed.</param>
        /// <returns>The details.</returns>
        /// <exception cref="ImageFormatException">No native assembly list in it.</exception>
        public static DeviceDetails Parse(string text)
        {
            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            List<NativeAssembly> natives = new List<NativeAssembly>();
            string? firmwareVersion = null;
            string? target = null;
            bool listed = false;
            bool inList = false;
            foreach (string line in lines)
            {
                if (inList)
                {
                    Match native = s_native.Match(line);
                    if (native.Success)
                    {
                        natives.Add(new NativeAssembly(native.Groups[1].Value, native.Groups[2].Value, uint.Parse(native.Groups[3].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                        continue;
                    }

                    inList = false;
                }

                if (line.Trim() == "Native Assemblies:")
                {
                    listed = true;
                    inList = true;
                    continue;
                }

                Match clr = s_clrVersion.Match(line);
                if (clr.Success && firmwareVersion == null)
                {
                    firmwareVersion = clr.Groups[1].Value;
                }

                Match named = s_target.Match(line);
                if (named.Success && target == null)
                {
                    target = named.Groups[1].Value;
                }
            }

            if (!listed || natives.Count == 0)
            {
                throw new ImageFormatException("nanoff's device details list no native assemblies: is the board running the nanoFramework firmware (nf-build/flash), and not its bootloader? (press its RESET button and try again)");
            }

            return new DeviceDetails(natives.ToArray(), firmwareVersion, target);
        }

        /// <summary>The board's native assembly of that name, or null when its firmware has none.</summary>
        /// <param name="name">An assembly name; compared exactly, as the nanoCLR does.</param>
        /// <returns>The entry, or null.</returns>
        public NativeAssembly? Find(string name)
        {
            foreach (NativeAssembly native in NativeAssemblies)
            {
                if (string.Equals(native.Name, name, StringComparison.Ordinal))
                {
                    return native;
                }
            }

            return null;
        }
    }
}
