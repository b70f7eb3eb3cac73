using System;
using System.Collections.Generic;
using System.Linq;

namespace WwepServer.Benchmark
{
    /// <summary>What one load run measured.</summary>
    public sealed class LoadResult
    {
        /// <summary>Creates the result from every completed request's latency.</summary>
        /// <param name="latenciesMs">Connect-to-close time of each correct exchange, in milliseconds.</param>
        /// <param name="errors">Exchanges that failed or got a wrong reply.</param>
        /// <param name="elapsed">How long the run lasted.</param>
        public LoadResult(List<double> latenciesMs, long errors, TimeSpan elapsed)
        {
            latenciesMs.Sort();
            Completed = latenciesMs.Count;
            Errors = errors;
            RequestsPerSecond = Completed / elapsed.TotalSeconds;
            P50Ms = Percentile(latenciesMs, 0.50);
            P99Ms = Percentile(latenciesMs, 0.99);
        }

        /// <summary>Correct exchanges.</summary>
        public long Completed { get; }

        /// <summary>Failed exchanges or wrong replies.</summary>
        public long Errors { get; }

        /// <summary>Correct exchanges per second.</summary>
        public double RequestsPerSecond { get; }

        /// <summary>Median latency.</summary>
        public double P50Ms { get; }

        /// <summary>99th percentile latency.</summary>
        public double P99Ms { get; }

        private static double Percentile(List<double> sorted, double fraction)
        {
            if (sorted.Count == 0)
            {
                return double.NaN;
            }

            int index = Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1);
            return sorted[Math.Max(0, index)];
        }
    }
}
