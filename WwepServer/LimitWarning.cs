using System;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace WwepServer
{
    /// <summary>
    /// The log line for one kind of limit being hit. The first hit is logged at once; after that at most one line per
    /// second, counting the hits in between, so a flood of bad clients cannot flood the log as well.
    /// </summary>
    public sealed class LimitWarning
    {
        private static readonly long Interval = TimeSpan.FromSeconds(1).Ticks;

        private readonly ILogger _logger;
        private readonly string _limit;
        private long _nextLogTicks;
        private long _suppressed;
        private long _hitCount;

        /// <summary>Creates the warning for one limit.</summary>
        /// <param name="logger">Where the line goes.</param>
        /// <param name="limit">The limit and its option, for example "connection limit (--max-connections 1000)".</param>
        public LimitWarning(ILogger logger, string limit)
        {
            _logger = logger;
            _limit = limit;
        }

        /// <summary>Hits so far.</summary>
        public long HitCount
        {
            get { return Interlocked.Read(ref _hitCount); }
        }

        /// <summary>Records a hit.</summary>
        /// <param name="peer">The client that hit the limit.</param>
        /// <param name="action">What the server did about it.</param>
        public void Hit(string peer, string action)
        {
            Interlocked.Increment(ref _hitCount);
            long now = DateTime.UtcNow.Ticks;
            long next = Interlocked.Read(ref _nextLogTicks);
            if (now < next || Interlocked.CompareExchange(ref _nextLogTicks, now + Interval, next) != next)
            {
                Interlocked.Increment(ref _suppressed);
                return;
            }

            long suppressed = Interlocked.Exchange(ref _suppressed, 0);
            if (suppressed > 0)
            {
                _logger.LogWarning("{Limit} hit by {Peer}: {Action} ({Suppressed} more hit(s) since the last line)", _limit, peer, action, suppressed);
            }
            else
            {
                _logger.LogWarning("{Limit} hit by {Peer}: {Action}", _limit, peer, action);
            }
        }
    }
}
