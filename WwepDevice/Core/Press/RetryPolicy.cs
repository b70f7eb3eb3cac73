using System;

namespace WwepDevice.Core.Press
{
    /// <summary>
    /// Exponential backoff with jitter: before retry n the device waits a random time between half and all of
    /// min(cap, initial x 2^(n-1)). The jitter keeps a classroom of boards that lost the server at the same moment
    /// from coming back at the same moment.
    /// </summary>
    public sealed class RetryPolicy
    {
        private readonly Random _random;

        /// <summary>Creates the policy.</summary>
        /// <param name="maxAttempts">Attempts per state, including the first (at least 1).</param>
        /// <param name="initialDelayMilliseconds">Base delay before the first retry.</param>
        /// <param name="maxDelayMilliseconds">Cap of the base delay.</param>
        /// <param name="random">Source of jitter (seeded in tests).</param>
        public RetryPolicy(int maxAttempts, int initialDelayMilliseconds, int maxDelayMilliseconds, Random random)
        {
            if (maxAttempts < 1)
            {
                throw new ArgumentOutOfRangeException("maxAttempts", "at least one attempt is needed");
            }

            if (initialDelayMilliseconds < 1 || maxDelayMilliseconds < initialDelayMilliseconds)
            {
                throw new ArgumentOutOfRangeException("maxDelayMilliseconds", "delays must satisfy 1 <= initial <= max");
            }

            MaxAttempts = maxAttempts;
            InitialDelayMilliseconds = initialDelayMilliseconds;
            MaxDelayMilliseconds = maxDelayMilliseconds;
            _random = random;
        }

        /// <summary>Attempts per state, including the first.</summary>
        public int MaxAttempts { get; private set; }

        /// <summary>Base delay before the first retry.</summary>
        public int InitialDelayMilliseconds { get; private set; }

        /// <summary>Cap of the base delay.</summary>
        public int MaxDelayMilliseconds { get; private set; }

        /// <summary>The base (un-jittered) delay after <paramref name="failedAttempts"/> failures.</summary>
        /// <param name="failedAttempts">1 after the first failure.</param>
        /// <returns>min(cap, initial x 2^(failedAttempts-1)).</returns>
        public int BaseDelay(int failedAttempts)
        {
            int delay = InitialDelayMilliseconds;
            for (int i = 1; i < failedAttempts && delay < MaxDelayMilliseconds; i++)
            {
                delay *= 2;
            }

            return delay > MaxDelayMilliseconds ? MaxDelayMilliseconds : delay;
        }

        /// <summary>How long to wait before the next attempt.</summary>
        /// <param name="failedAttempts">1 after the first failure.</param>
        /// <returns>Between half of <see cref="BaseDelay"/> and all of it.</returns>
        public int DelayBeforeRetry(int failedAttempts)
        {
            int full = BaseDelay(failedAttempts);
            int half = full / 2;
            return half + _random.Next(full - half + 1);
        }
    }
}
