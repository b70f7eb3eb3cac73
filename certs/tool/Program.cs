using System;

namespace WwepCerts
{
    /// <summary>Entry point: <c>dotnet run --project certs/tool -- &lt;verb&gt;</c>.</summary>
    public static class Program
    {
        /// <summary>Runs the tool.</summary>
        /// <param name="args">The verb and its options.</param>
        /// <returns>The exit code.</returns>
        public static int Main(string[] args)
        {
            return CertsCommandLine.Run(args, Console.Out, Console.Error);
        }
    }
}
