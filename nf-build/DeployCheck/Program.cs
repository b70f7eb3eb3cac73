using System;
using System.IO;

namespace NfBuild.DeployCheck
{
    /// <summary>
    /// <c>DeployCheck --image app.bin --device-details details.txt --flash-command "nf-build/flash --port P --target {target}"</c>:
    /// prints one line and exits 0 when the board can run the image, 1 when it cannot, 3 when an input cannot be read,
    /// 64 for bad arguments. <c>DeployCheck --settings-file wwep.conf</c> runs the board's own settings check instead
    /// (<see cref="SettingsCheck"/>), <c>DeployCheck --ca-record bundle.pem [--embedded ca.crt.der]</c> prints the record
    /// of a CA bundle configure is about to store (<see cref="CaRecord"/>).
    /// </summary>
    public static class Program
    {
        /// <summary>The board can run the image.</summary>
        public const int Match = 0;

        /// <summary>The board's firmware does not match the image.</summary>
        public const int Mismatch = 1;

        /// <summary>The image or the device details could not be read.</summary>
        public const int Unreadable = 3;

        /// <summary>Bad arguments.</summary>
        public const int Usage = 64;

        /// <summary>Runs the check.</summary>
        /// <param name="args">See the class summary.</param>
        /// <returns>The exit code.</returns>
        public static int Main(string[] args)
        {
            if (args.Length == 2 && args[0] == "--settings-file")
            {
                return SettingsCheck.Run(args[1]);
            }

            if ((args.Length == 2 || (args.Length == 4 && args[2] == "--embedded")) && args[0] == "--ca-record")
            {
                return CaRecord.Run(args[1], args.Length == 4 ? args[3] : null);
            }

            string? image = null;
            string? details = null;
            string flashCommand = "nf-build/flash";
            for (int i = 0; i < args.Length; i++)
            {
                string? value = i + 1 < args.Length ? args[i + 1] : null;
                switch (args[i])
                {
                    case "--image" when value != null:
                        image = value;
                        i++;
                        break;
                    case "--device-details" when value != null:
                        details = value;
                        i++;
                        break;
                    case "--flash-command" when value != null:
                        flashCommand = value;
                        i++;
                        break;
                    default:
                        Console.WriteLine("unknown or incomplete argument '" + args[i] + "': use --image <file.bin> --device-details <nanoff output> [--flash-command <text>], or --settings-file <wwep.conf>, or --ca-record <bundle> [--embedded <ca.der>]");
                        return Usage;
                }
            }

            if (image == null || details == null)
            {
                Console.WriteLine("--image <file.bin> and --device-details <nanoff output> are both needed");
                return Usage;
            }

            try
            {
                PeAssembly[] assemblies = DeploymentImage.Read(ReadBytes(image), Path.GetFileName(image));
                DeviceDetails board = DeviceDetails.Parse(System.Text.Encoding.UTF8.GetString(ReadBytes(details)));
                NativeMatch verdict = NativeMatch.Check(assemblies, board, flashCommand);
                Console.WriteLine(verdict.Line);
                return verdict.Matches ? Match : Mismatch;
            }
            catch (ImageFormatException ex)
            {
                Console.WriteLine(ex.Message);
                return Unreadable;
            }
        }

        private static byte[] ReadBytes(string path)
        {
            try
            {
                return File.ReadAllBytes(path);
            }
            catch (IOException ex)
            {
                throw new ImageFormatException("cannot read " + path + ": " + ex.Message);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new ImageFormatException("cannot read " + path + ": " + ex.Message);
            }
        }
    }
}
