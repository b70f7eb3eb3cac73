using System;
using System.Collections.Generic;

namespace WwepServer.Benchmark
{
    /// <summary>Measurements of one server and transport, gathered over several slices of the run.</summary>
    public sealed class LoadTally
    {
        /// <summary>Latency of each correct exchange, in milliseconds.</summary>
        public List<double> LatenciesMs { get; } = new List<double>();

        /// <summary>Failed exchanges or wrong replies.</summary>
        public long Errors { get; set; }

        /// <summary>Time spent under load.</summary>
        public TimeSpan Elapsed { get; set; }

        /// <summary>The figures.</summary>
        /// <returns>Requests/s and percentiles.</returns>
        public LoadResult ToResult()
        {
            return new LoadResult(new List<double>(LatenciesMs), Errors, Elapsed);
        }
    }
}
