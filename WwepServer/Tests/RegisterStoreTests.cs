using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>
    /// The store's two ways of committing: the writer thread, and a thread that promised to commit its own writes (as
    /// the plain port's accept thread does). Each test runs the committing side on a thread of its own, because the
    /// promise is per thread. No test guesses how fast the writer thread is: each waits until the writer sleeps
    /// (it found the queue empty and takes nothing until woken), so what it can and cannot have done is certain.
    /// </summary>
    public sealed class RegisterStoreTests
    {
        // Only a guard against a hang: the writer goes to sleep within microseconds of opening an idle store.
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

        [Fact]
        public void WritesOfAThreadThatCommitsItsOwnWaitForItsCommitAndAreDurableOnceItReturns()
        {
            string data = TestServer.NewDataFolder();
            try
            {
                using (RegisterStore store = RegisterStore.Open(data, NullLogger.Instance))
                {
                    OnOwnThread(() =>
                    {
                        RegisterStore.CommitWritesOnThisThread();
                        Assert.True(store.WaitUntilWriterSleeps(HangGuard), "the writer thread never went to sleep");
                        Task first = store.WriteAsync(0x0FAC, 0x0B, 0x1234);
                        Task second = store.WriteAsync(0x0FAC, 0x0C, 0x0001);

                        // The writes did not wake the sleeping writer thread, so it cannot have taken them: nothing is
                        // acknowledged yet.
                        Assert.False(store.WriterWakeRequested, "a write of a thread that commits its own woke the writer thread");
                        Assert.False(first.IsCompleted, "the writer thread committed a write this thread had promised to commit");
                        Assert.False(store.TryRead(0x0FAC, 0x0B, out _));

                        store.CommitQueuedWrites();

                        // Committed and completed on this thread, both in one commit.
                        Assert.True(first.IsCompletedSuccessfully);
                        Assert.True(second.IsCompletedSuccessfully);
                        Assert.Equal(1, store.CommitCount);
                        Assert.True(store.TryRead(0x0FAC, 0x0B, out int value));
                        Assert.Equal(0x1234, value);
                    });
                }

                using RegisterStore reopened = RegisterStore.Open(data, NullLogger.Instance);
                Assert.Equal(2, reopened.RegisterCount);
                Assert.True(reopened.TryRead(0x0FAC, 0x0C, out int kept));
                Assert.Equal(0x0001, kept);
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }

        [Fact]
        public async Task OtherThreadsWritesStillWakeTheWriterThread()
        {
            string data = TestServer.NewDataFolder();
            try
            {
                using RegisterStore store = RegisterStore.Open(data, NullLogger.Instance);
                OnOwnThread(() => RegisterStore.CommitWritesOnThisThread());
                Assert.True(store.WaitUntilWriterSleeps(HangGuard), "the writer thread never went to sleep");

                // This thread made no promise (the one above did, for itself only): its write wakes the writer.
                await store.WriteAsync(0x0FAC, 0x0B, 0x1234).WaitAsync(TimeSpan.FromSeconds(10));
                Assert.True(store.TryRead(0x0FAC, 0x0B, out int value));
                Assert.Equal(0x1234, value);
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }

        [Fact]
        public void WritesLeftUncommittedWhenTheStoreClosesAreCommittedByIt()
        {
            string data = TestServer.NewDataFolder();
            try
            {
                Task? write = null;
                using (RegisterStore store = RegisterStore.Open(data, NullLogger.Instance))
                {
                    OnOwnThread(() =>
                    {
                        RegisterStore.CommitWritesOnThisThread();
                        Assert.True(store.WaitUntilWriterSleeps(HangGuard), "the writer thread never went to sleep");
                        write = store.WriteAsync(0x0FAC, 0x0B, 0x1234);
                    });
                    Assert.False(store.WriterWakeRequested);
                    Assert.False(write!.IsCompleted);
                }

                // Dispose finished the queue: the write completed (its client would get A) and is on disk.
                Assert.True(write.IsCompletedSuccessfully);
                using RegisterStore reopened = RegisterStore.Open(data, NullLogger.Instance);
                Assert.True(reopened.TryRead(0x0FAC, 0x0B, out int value));
                Assert.Equal(0x1234, value);
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }

        private static void OnOwnThread(Action action)
        {
            Exception? failure = null;
            var thread = new Thread(() =>
            {
                try
                {
                    action();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            });
            thread.Start();
            thread.Join();
            if (failure != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
    }
}
