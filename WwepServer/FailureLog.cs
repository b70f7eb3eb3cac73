using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace WwepServer
{
    /// <summary>
    /// The log of failed connections, readable under attack: the first failure of a client address and cause is one
    /// full line (who, what happened, the evidence, the fix); more of the same are counted and reported once per period
    /// ("... and 312 more from 10.0.0.23 in the last minute"), never one line per connection. New addresses get at most
    /// <see cref="MaxFirstLinesPerPeriod"/> full lines a period, the rest are counted together. Every failure is also
    /// counted by cause, for the classroom view's totals.
    /// </summary>
    public sealed class FailureLog
    {
        /// <summary>Full lines for new (address, cause) pairs in one period; beyond that they are counted together.</summary>
        public const int MaxFirstLinesPerPeriod = 50;

        /// <summary>The usual period between count lines.</summary>
        public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMinutes(1);

        // Pairs remembered at once; a flood from more addresses is counted together instead of growing the table.
        private const int MaxTracked = 4096;

        private readonly ILogger _logger;
        private readonly string _periodWords;
        private readonly object _lock = new object();
        // (address, cause) -> failures since its last line.
        private readonly Dictionary<(string Address, FailureCause Cause), long> _repeats = new Dictionary<(string, FailureCause), long>();
        private readonly long[] _counts = new long[FailureCatalog.All.Length];
        private int _firstLines;
        private volatile ServerFacts _facts = ServerFacts.Defaults;
        private long _untracked;

        /// <summary>Creates the log.</summary>
        /// <param name="logger">Where the lines go.</param>
        /// <param name="period">How often <see cref="Flush"/> is called (for the words of the count lines).</param>
        public FailureLog(ILogger logger, TimeSpan period)
        {
            _logger = logger;
            _periodWords = period == TimeSpan.FromMinutes(1)
                ? "minute"
                : period.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
        }

        /// <summary>Failures so far, all causes.</summary>
        public long Total
        {
            get
            {
                long total = 0;
                foreach (FailureCause cause in FailureCatalog.All)
                {
                    total += Count(cause);
                }

                return total;
            }
        }

        /// <summary>Failures so far with this cause.</summary>
        /// <param name="cause">The cause.</param>
        /// <returns>The count.</returns>
        public long Count(FailureCause cause)
        {
            return Interlocked.Read(ref _counts[(int)cause]);
        }

        /// <summary>This server's ports and names, which every failure recorded from now on quotes in its fix.</summary>
        public ServerFacts Facts
        {
            get { return _facts; }
            set { _facts = value; }
        }

        /// <summary>Counts the failure, and logs it in full when it is the first of its address and cause this period.</summary>
        /// <param name="failure">The failure.</param>
        public void Record(ConnectionFailure failure)
        {
            failure.Facts = Facts;
            Interlocked.Increment(ref _counts[(int)failure.Cause]);
            var key = (failure.Address, failure.Cause);
            lock (_lock)
            {
                if (_repeats.TryGetValue(key, out long repeats))
                {
                    _repeats[key] = repeats + 1;
                    return;
                }

                if (_firstLines >= MaxFirstLinesPerPeriod || _repeats.Count >= MaxTracked)
                {
                    _untracked++;
                    return;
                }

                _firstLines++;
                _repeats[key] = 0;
            }

            _logger.LogWarning("{Failure}", failure.Describe());
        }

        /// <summary>
        /// Ends a period: one count line per (address, cause) that failed again since its last line; a pair that stayed
        /// quiet for a whole period is forgotten, so that its next failure is a full line again.
        /// </summary>
        public void Flush()
        {
            var lines = new List<string>();
            lock (_lock)
            {
                var quiet = new List<(string, FailureCause)>();
                var repeated = new List<(string, FailureCause)>();
                foreach (KeyValuePair<(string Address, FailureCause Cause), long> pair in _repeats)
                {
                    if (pair.Value == 0)
                    {
                        quiet.Add(pair.Key);
                        continue;
                    }

                    CauseDescription cause = FailureCatalog.Describe(pair.Key.Cause);
                    lines.Add(cause.Title + " (" + cause.Code + ") ... and " + pair.Value + " more from " + pair.Key.Address + " in the last " + _periodWords);
                    repeated.Add(pair.Key);
                }

                foreach ((string, FailureCause) key in quiet)
                {
                    _repeats.Remove(key);
                }

                foreach ((string, FailureCause) key in repeated)
                {
                    _repeats[key] = 0;
                }

                if (_untracked > 0)
                {
                    lines.Add("... and " + _untracked + " more failed connection(s) from further addresses in the last " + _periodWords
                        + " (at most " + MaxFirstLinesPerPeriod + " new addresses are named per period; the classroom view counts them all)");
                    _untracked = 0;
                }

                _firstLines = 0;
            }

            foreach (string line in lines)
            {
                _logger.LogWarning("{Failures}", line);
            }
        }
    }
}
