using System;
using System.Collections.Generic;

namespace NfBuild.Tests
{
    /// <summary>
    /// Which nanoFramework package versions the firmware may use: the versions of the table in the project's
    /// platform notes (shared/docs/nanoframework.md, "Packages (v1 line ...)") or newer ones of the same major
    /// version, never a prerelease (the 2.0.0-preview packages are the generics line, which v1 firmware cannot load).
    /// </summary>
    public static class NanoPackageRules
    {
        /// <summary>The lowest version of each package in the platform notes' table.</summary>
        public static readonly IReadOnlyDictionary<string, Version> MinimumVersions = new Dictionary<string, Version>(StringComparer.Ordinal)
        {
            ["nanoFramework.CoreLibrary"] = new Version(1, 17, 11),
            ["nanoFramework.Runtime.Events"] = new Version(1, 11, 37),
            ["nanoFramework.System.Text"] = new Version(1, 3, 42),
            ["nanoFramework.System.Threading"] = new Version(1, 1, 52),
            ["nanoFramework.System.IO.Streams"] = new Version(1, 1, 96),
            ["nanoFramework.System.Net"] = new Version(1, 11, 60),
            ["nanoFramework.System.Device.Wifi"] = new Version(1, 5, 149),
            ["nanoFramework.System.Device.Gpio"] = new Version(1, 1, 62),
            ["nanoFramework.Hardware.Esp32"] = new Version(1, 6, 40),
            ["nanoFramework.ResourceManager"] = new Version(1, 2, 32),
            ["nanoFramework.Runtime.Native"] = new Version(1, 7, 11),
            ["nanoFramework.TestFramework"] = new Version(3, 0, 80),
        };

        /// <summary>Why a package version is not allowed, or null when it is.</summary>
        /// <param name="id">The package ID.</param>
        /// <param name="version">The version as packages.config writes it.</param>
        /// <returns>The reason, naming the rule, or null.</returns>
        public static string? VersionProblem(string id, string version)
        {
            if (version.Contains('-'))
            {
                return id + " " + version + " is a prerelease: the device firmware is the v1 line, use a released 1.x version";
            }

            if (!Version.TryParse(version, out Version? parsed))
            {
                return id + " has version '" + version + "', which is not a version number";
            }

            if (MinimumVersions.TryGetValue(id, out Version? minimum))
            {
                if (parsed.Major != minimum.Major)
                {
                    return id + " " + version + " leaves the " + minimum.Major + ".x line of the platform notes (" + minimum + ")";
                }

                if (parsed < minimum)
                {
                    return id + " " + version + " is older than the platform notes' " + minimum;
                }

                return null;
            }

            return parsed.Major == 1 ? null : id + " " + version + " is not a 1.x version (the v1 firmware line)";
        }
    }
}
