using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using WwepDevice.Core.Settings;

namespace WwepCerts
{
    /// <summary>
    /// The verbs and options of the tool (System.CommandLine). <see cref="Run"/> is what <c>dotnet run</c> calls,
    /// and what the tests call in-process with their own folders, output and clock.
    /// </summary>
    public static class CertsCommandLine
    {
        /// <summary>Runs one command line.</summary>
        /// <param name="args">The arguments after <c>--</c>.</param>
        /// <param name="output">Normal output.</param>
        /// <param name="error">Error output.</param>
        /// <param name="clock">The current time; null for the real clock (tests issue certificates "in the past" with it).</param>
        /// <returns>The exit code: 0 on success, 1 when something failed or check found an error, 2 for bad arguments.</returns>
        public static int Run(string[] args, TextWriter output, TextWriter error, Func<DateTimeOffset>? clock = null)
        {
            Func<DateTimeOffset> now = clock ?? (() => DateTimeOffset.UtcNow);
            RootCommand root = Build(output, error, now);
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (System.CommandLine.Parsing.ParseError parseError in parsed.Errors)
                {
                    error.WriteLine("error: " + parseError.Message + " (--help lists the verbs and options)");
                }

                return 2;
            }

            InvocationConfiguration configuration = new() { Output = output, Error = error };
            return parsed.Invoke(configuration);
        }

        private static RootCommand Build(TextWriter output, TextWriter error, Func<DateTimeOffset> now)
        {
            Option<string?> certsDir = new("--certs-dir") { Description = "Folder of the PKI files (default: the repository's certs/)", Recursive = true };
            Option<string?> firmwareDir = new("--firmware-dir") { Description = "Folder of WwepDevice.nfproj (default: the repository's WwepDevice/)", Recursive = true };

            RootCommand root = new("Makes and checks the WWEP test PKI (TEST ONLY certificates) and embeds it in the firmware.");
            root.Add(certsDir);
            root.Add(firmwareDir);

            // init
            Option<string> initAlgorithm = AlgorithmOption();
            Option<int> initDays = DaysOption(PkiIssuer.DefaultCaDays);
            Option<bool> force = new("--force") { Description = "Replace an existing CA key (every certificate it signed must then be issued again)" };
            Command init = new("init", "Make the test CA: ca.crt.pem, ca.crt.der, ca.key.pem") { initAlgorithm, initDays, force };
            init.SetAction(parse => Guard(error, () =>
            {
                Issuer(parse, certsDir, output, now).CreateCa(SigningKey.ParseAlgorithm(parse.GetValue(initAlgorithm)!), parse.GetValue(initDays), parse.GetValue(force));
                return 0;
            }));
            root.Add(init);

            // server
            Option<string[]> names = new("--name") { Description = "Extra DNS name for the server certificate (repeatable)", AllowMultipleArgumentsPerToken = true };
            Option<string[]> ips = new("--ip") { Description = "Extra IP address for the server certificate (repeatable)", AllowMultipleArgumentsPerToken = true };
            Option<bool> noDefaultHost = new("--no-default-host") { Description = "Leave out the firmware's default TLS host name (" + new WwepSettings().EffectiveTlsHostName + ")" };
            Option<string> serverAlgorithm = AlgorithmOption();
            Option<int> serverDays = DaysOption(PkiIssuer.DefaultLeafDays);
            Command server = new("server", "Issue the server certificate: server.crt.pem, server.crt.der, server.key.pem. SAN: the firmware's TLS host name, localhost, 127.0.0.1, ::1 and what you add")
            {
                names, ips, noDefaultHost, serverAlgorithm, serverDays,
            };
            server.SetAction(parse => Guard(error, () =>
            {
                Issuer(parse, certsDir, output, now).IssueServer(
                    parse.GetValue(names) ?? Array.Empty<string>(),
                    parse.GetValue(ips) ?? Array.Empty<string>(),
                    !parse.GetValue(noDefaultHost),
                    SigningKey.ParseAlgorithm(parse.GetValue(serverAlgorithm)!),
                    parse.GetValue(serverDays));
                return 0;
            }));
            root.Add(server);

            // device
            Option<string?> id = new("--id") { Description = "The device ID: 4 hex digits, such as 02E8" };
            Option<string?> mac = new("--mac") { Description = "The device's Wi-Fi MAC, such as C4:7F:51:01:6A:E9; the ID is computed from it as the firmware does" };
            Option<string> deviceAlgorithm = AlgorithmOption();
            Option<int> deviceDays = DaysOption(PkiIssuer.DefaultLeafDays);
            Command device = new("device", "Issue a device (client) certificate with CN = the device ID: device.crt.pem/.der, device.key.pem/.der")
            {
                id, mac, deviceAlgorithm, deviceDays,
            };
            device.SetAction(parse => Guard(error, () =>
            {
                string deviceId = DeviceIdInput.Resolve(parse.GetValue(id), parse.GetValue(mac));
                string? macText = parse.GetValue(mac);
                if (!string.IsNullOrWhiteSpace(macText))
                {
                    output.WriteLine("device ID " + deviceId + " (the 16-bit sum of the bytes of " + macText.Trim() + ")");
                }

                Issuer(parse, certsDir, output, now).IssueDevice(deviceId, SigningKey.ParseAlgorithm(parse.GetValue(deviceAlgorithm)!), parse.GetValue(deviceDays));
                return 0;
            }));
            root.Add(device);

            // embed
            Option<bool> embedDevice = new("--device") { Description = "Also embed the device certificate and key (mutual TLS); TEST ONLY key in the firmware image" };
            Command embed = new("embed", "Write the CA (and with --device the device pair) as DER into the firmware's Resources, with Resources.resx and Resources.Designer.cs")
            {
                embedDevice,
            };
            embed.SetAction(parse => Guard(error, () =>
            {
                new ResourceEmbedder(Files(parse, certsDir), Firmware(parse, firmwareDir), output).Embed(parse.GetValue(embedDevice));
                return 0;
            }));
            root.Add(embed);

            // check
            Option<string?> host = new("--host") { Description = "The host name the device verifies (default: the firmware's EffectiveTlsHostName)" };
            Option<string?> caOption = new("--ca") { Description = "CA certificate to check against (PEM or DER)" };
            Option<string?> caKey = new("--ca-key") { Description = "CA private key" };
            Option<string?> serverCert = new("--server-cert") { Description = "Server certificate" };
            Option<string?> serverKey = new("--server-key") { Description = "Server private key" };
            Option<string?> deviceCert = new("--device-cert") { Description = "Device certificate" };
            Option<string?> deviceKey = new("--device-key") { Description = "Device private key" };
            Option<string?> at = new("--at") { Description = "Check validity at this UTC time instead of now, e.g. the device's clock: 2026-03-01T12:00:00Z" };
            Option<int> warnDays = new("--warn-days") { Description = "Warn when a certificate expires within this many days", DefaultValueFactory = _ => 30 };
            Option<string?> boardCa = new("--board-ca") { Description = "The CA file a board stores (what nf-build/configure --ca writes; PEM bundle or DER): warn when it differs from the CA the firmware embeds, since the board then trusts both" };
            Option<bool> skipFirmware = new("--skip-firmware") { Description = "Do not check the firmware's embedded resources (a server-only machine)" };
            Command check = new("check", "Check the PKI and the firmware's embedded copies; one line per problem with its fix; exit code 1 on any error")
            {
                host, caOption, caKey, serverCert, serverKey, deviceCert, deviceKey, at, warnDays, boardCa, skipFirmware,
            };
            check.SetAction(parse => Guard(error, () =>
            {
                PkiFiles files = Files(parse, certsDir);
                FirmwareResources? firmware = parse.GetValue(skipFirmware) ? null : Firmware(parse, firmwareDir);
                string? hostValue = parse.GetValue(host);
                CheckOptions options = new(files, firmware, string.IsNullOrWhiteSpace(hostValue) ? new WwepSettings().EffectiveTlsHostName : hostValue.Trim(), now());
                if (!string.IsNullOrWhiteSpace(hostValue))
                {
                    options.HostNameSource = "the host given with --host";
                }
                else
                {
                    options.HostNameSource = "the host the firmware verifies (its EffectiveTlsHostName)";
                }

                string? atValue = parse.GetValue(at);
                if (!string.IsNullOrWhiteSpace(atValue))
                {
                    options.At = ParseInstant(atValue);
                    options.AtIsExplicit = true;
                }

                options.WarnDays = parse.GetValue(warnDays);

                // A file pointed elsewhere has no DER twin in certs/ to compare with.
                options.CaCertificate = Override(parse, caOption, options.CaCertificate, () => options.CaCertificateDer = null);
                options.CaKey = Override(parse, caKey, options.CaKey, null);
                options.ServerCertificate = Override(parse, serverCert, options.ServerCertificate, () => options.ServerCertificateDer = null);
                options.ServerKey = Override(parse, serverKey, options.ServerKey, null);
                options.DeviceCertificate = Override(parse, deviceCert, options.DeviceCertificate, () => options.DeviceCertificateDer = null);
                options.DeviceKey = Override(parse, deviceKey, options.DeviceKey, () => options.DeviceKeyDer = null);
                string? boardCaValue = parse.GetValue(boardCa);
                options.BoardCa = string.IsNullOrWhiteSpace(boardCaValue) ? null : Path.GetFullPath(boardCaValue);
                return Report(PkiChecker.Run(options), options, output);
            }));
            root.Add(check);
            return root;
        }

        private static int Report(IReadOnlyList<Finding> findings, CheckOptions options, TextWriter output)
        {
            int errors = 0;
            int warnings = 0;
            output.WriteLine("checking for host " + options.HostName + " at " + CertificateFacts.Show(options.At) + (options.AtIsExplicit ? " (--at)" : string.Empty));
            foreach (Finding finding in findings)
            {
                output.WriteLine(finding.ToString());
                errors += finding.Level == FindingLevel.Error ? 1 : 0;
                warnings += finding.Level == FindingLevel.Warning ? 1 : 0;
            }

            output.WriteLine(errors == 0
                ? "check passed: " + warnings + " warning(s)"
                : "check FAILED: " + errors + " error(s), " + warnings + " warning(s)");
            return errors == 0 ? 0 : 1;
        }

        private static int Guard(TextWriter error, Func<int> action)
        {
            try
            {
                return action();
            }
            catch (CertToolException ex)
            {
                error.WriteLine("error: " + ex.Message);
                return 1;
            }
            catch (IOException ex)
            {
                error.WriteLine("error: " + ex.Message + " (is the file open elsewhere, or the folder read-only?)");
                return 1;
            }
            catch (UnauthorizedAccessException ex)
            {
                error.WriteLine("error: " + ex.Message + ": no permission; check the folder's owner and mode");
                return 1;
            }
        }

        private static Option<string> AlgorithmOption()
        {
            Option<string> option = new("--algorithm")
            {
                Description = "Key type (ECDSA P-256 suits the ESP32 best)",
                DefaultValueFactory = _ => SigningKey.AlgorithmNames[0],
            };
            option.AcceptOnlyFromAmong(SigningKey.AlgorithmNames);
            return option;
        }

        private static Option<int> DaysOption(int defaultDays)
        {
            return new Option<int>("--days") { Description = "Validity in days", DefaultValueFactory = _ => defaultDays };
        }

        private static PkiIssuer Issuer(ParseResult parse, Option<string?> certsDir, TextWriter output, Func<DateTimeOffset> now)
        {
            return new PkiIssuer(Files(parse, certsDir), output, now());
        }

        private static PkiFiles Files(ParseResult parse, Option<string?> certsDir)
        {
            string? folder = parse.GetValue(certsDir);
            return new PkiFiles(string.IsNullOrWhiteSpace(folder) ? Path.Combine(RepositoryLocator.FindRoot(), "certs") : folder);
        }

        private static FirmwareResources Firmware(ParseResult parse, Option<string?> firmwareDir)
        {
            string? folder = parse.GetValue(firmwareDir);
            return new FirmwareResources(string.IsNullOrWhiteSpace(folder) ? Path.Combine(RepositoryLocator.FindRoot(), "WwepDevice") : folder);
        }

        private static string Override(ParseResult parse, Option<string?> option, string current, Action? whenOverridden)
        {
            string? value = parse.GetValue(option);
            if (string.IsNullOrWhiteSpace(value))
            {
                return current;
            }

            whenOverridden?.Invoke();
            return Path.GetFullPath(value);
        }

        private static DateTimeOffset ParseInstant(string text)
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset instant))
            {
                return instant;
            }

            throw new CertToolException("--at '" + text + "' is not a date and time: write it like 2026-03-01T12:00:00Z (UTC)");
        }
    }
}
