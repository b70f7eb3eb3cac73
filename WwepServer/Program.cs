using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace WwepServer
{
    /// <summary>Entry point: parse the command line, start the server, run until Ctrl+C or SIGTERM.</summary>
    public static class Program
    {
        /// <summary>Runs the server.</summary>
        /// <param name="args">See <c>--help</c>.</param>
        /// <returns>0 after a clean stop, 1 for a command-line error, 2 when the server cannot start.</returns>
        public static int Main(string[] args)
        {
            var commandLine = new ServerCommandLine();
            RootCommand command = commandLine.CreateCommand((result, stop) => RunAsync(commandLine, result, stop));
            ParseResult parsed = command.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                // One line, not the whole help text: what is wrong, and where the rest is.
                Console.Error.WriteLine("error: " + string.Join("; ", parsed.Errors.Select(error => error.Message.TrimEnd('.'))) + " (see --help)");
                return 1;
            }

            return parsed.Invoke();
        }

        private static async Task<int> RunAsync(ServerCommandLine commandLine, ParseResult result, CancellationToken stop)
        {
            using ILoggerFactory loggerFactory = LoggerFactory.Create(builder => builder
                .SetMinimumLevel(result.GetValue(commandLine.LogLevel))
                .AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = "HH:mm:ss.fff ";
                }));

            // The transaction lines get their own writer on standard output: Console.Out passes text on in 256-byte
            // pieces, one system call each, while this writes each batch of lines in one.
            using var transactionOutput = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024);
            WwepServerHost host;
            ServerOptions options;
            try
            {
                options = commandLine.ToOptions(result, RepositoryRoot.Find());
                host = WwepServerHost.Start(options, loggerFactory, transactionOutput);
            }
            catch (StartupException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return 2;
            }

            foreach (string line in StartupBanner.Lines(host, options))
            {
                Console.Out.WriteLine(line);
            }

            Console.Out.WriteLine("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop cleanly, finishing the writes already queued.
            }

            Console.Out.WriteLine("stopping: " + host.TransactionCount + " transaction(s) served");
            await host.DisposeAsync().ConfigureAwait(false);
            return 0;
        }
    }
}
