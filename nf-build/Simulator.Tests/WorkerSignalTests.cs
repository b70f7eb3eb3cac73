using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WwepSimulator.Tests
{
    /// <summary>Idle means waiting for the next press, not sleeping through a backoff.</summary>
    public sealed class WorkerSignalTests
    {
        [Fact]
        public async Task AWorkerInABackoffIsNotIdle()
        {
            WorkerSignal signal = new WorkerSignal();
            Task<bool> backoff = Task.Run(() => signal.Wait(3000));

            Assert.False(signal.WaitUntilIdle(TimeSpan.FromMilliseconds(300)));

            signal.Set();
            Assert.True(await backoff.WaitAsync(TimeSpan.FromSeconds(5)));
        }

        [Fact]
        public async Task AWorkerWaitingForThePressIsIdleUntilWoken()
        {
            WorkerSignal signal = new WorkerSignal();
            Task<bool> waiting = Task.Run(() => signal.Wait(Timeout.Infinite));

            Assert.True(signal.WaitUntilIdle(TimeSpan.FromSeconds(5)));

            signal.Set();
            Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
            Assert.False(signal.WaitUntilIdle(TimeSpan.FromMilliseconds(100)));
        }
    }
}
