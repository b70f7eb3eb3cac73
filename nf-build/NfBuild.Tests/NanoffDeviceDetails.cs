using System.Text;

namespace NfBuild.Tests
{
    /// <summary>
    /// What nanoff prints for a board's device details (2.x <c>--nanodevice --devicedetails</c>, 3.x <c>details</c>),
    /// line for line: its banner (nanoFirmwareFlasher.Tool/Program.cs at v2.5.162: header, CommandLineParser's copyright
    /// line, blank), a blank line, then the debugger library's device info (nanoframework/nf-debugger
    /// nanoFramework.Tools.DebugLibrary.Shared/MFDeployTool/NanoFrameworkDeviceInfo.cs, ToString, v2.5.23) and the
    /// blank line that WriteLine adds. The native assemblies are given by the test; the rest is a typical ESP32_REV3.
    /// </summary>
    public static class NanoffDeviceDetails
    {
        /// <summary>The firmware version the fake board reports.</summary>
        public const string FirmwareVersion = "1.17.0.339";

        /// <summary>Nanoff's output for a board with these native assemblies.</summary>
        /// <param name="nanoffVersion">The banner's version.</param>
        /// <param name="natives">Lines <c>Name vVersion, checksum 0xXXXXXXXX</c> without the indent.</param>
        /// <returns>The text.</returns>
        public static string Text(string nanoffVersion, params string[] natives)
        {
            StringBuilder text = new StringBuilder();
            text.Append(".NET nanoFramework Firmware Flasher v" + nanoffVersion + "+3f2c1a\n");
            text.Append("Copyright (C) 2019 .NET Foundation and nanoFramework project contributors\n");
            text.Append('\n');
            text.Append('\n');
            text.Append("HAL build info: nanoCLR running @ ESP32 built with ESP-IDF v5.5.4\n");
            text.Append("  Target:   ESP32_REV3\n");
            text.Append("  Platform: ESP32\n");
            text.Append('\n');
            text.Append("Firmware build Info:\n");
            text.Append("  Date:        Aug 20 2026\n");
            text.Append("  Type:        MinSizeRel build, chip rev. >= 3, without support for PSRAM\n");
            text.Append("  CLR Version: " + FirmwareVersion + "\n");
            text.Append("  Compiler:    GNU ARM GCC v14.2.0\n");
            text.Append('\n');
            text.Append("OEM Product codes (vendor, model, SKU): 0, 0, 0\n");
            text.Append('\n');
            text.Append("Serial Numbers (module, system):\n");
            text.Append("  00000000000000000000000000000000\n");
            text.Append("  10000000008C4F018A1BC\n");
            text.Append('\n');
            text.Append("Target capabilities:\n");
            text.Append("  Has nanoBooter: NO\n");
            text.Append("  IFU capable: NO\n");
            text.Append("  Has proprietary bootloader: YES\n");
            text.Append('\n');
            text.Append("AppDomains:\n");
            text.Append('\n');
            text.Append("Assemblies:\n");
            text.Append("  WwepDevice, 1.0.0.0\n");
            text.Append("  System.Net, 1.11.60.0\n");
            text.Append('\n');
            text.Append("Native Assemblies:\n");
            foreach (string native in natives)
            {
                text.Append("  " + native + "\n");
            }

            text.Append('\n');
            text.Append('\n');
            return text.ToString();
        }
    }
}
