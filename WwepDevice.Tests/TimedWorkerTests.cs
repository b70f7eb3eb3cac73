using System;
using System.Threading;
using nanoFramework.TestFramework;
using WwepDevice.Core.Runtime;

namespace WwepDevice.Tests
{
    // The board's connect runs on one long-lived thread (lwIP's connect has no timeout; a new Thread per send cost
    // 1,056 bytes of the nanoCLR's heap per press: Thread 144, its native record 744, the attempt 96, the delegate 72).
    // No outcome below depends on the machine's speed: a blocked job is blocked on a gate the test holds.
    [TestClass]
    public class TimedWorkerTests
    {
        [TestMethod]
        public void EveryRunUsesTheSameThread()
        {
            int[] seen = new int[2];
            int runs = 0;
            TimedWorker worker = new TimedWorker(delegate { seen[runs++] = Thread.CurrentThread.ManagedThreadId; });
            Assert.IsTrue(worker.Run(5000));
            Assert.IsTrue(worker.Run(5000));
            worker.Stop();
            Assert.AreEqual(2, runs);
            Assert.AreEqual(seen[0], seen[1]);
            Assert.AreNotEqual(Thread.CurrentThread.ManagedThreadId, seen[0]);
        }

        [TestMethod]
        public void AStuckRunMakesTheNextCallFailAtOnce()
        {
            AutoResetSignal gate = new AutoResetSignal();
            TimedWorker worker = new TimedWorker(delegate { gate.Wait(Timeout.Infinite); });
            Assert.IsFalse(worker.Run(50), "the job waits for the gate");
            Assert.IsTrue(worker.IsBusy);
            Assert.IsFalse(worker.Run(60000), "a second caller does not queue behind a stuck connect");
            Assert.AreEqual(1, worker.Runs);
            gate.Set();
            Assert.IsTrue(WaitUntilIdle(worker));
            gate.Set();
            Assert.IsTrue(worker.Run(60000), "free again once the stuck run ended");
            worker.Stop();
        }

        [TestMethod]
        public void ALateFinishDoesNotEndTheNextWait()
        {
            AutoResetSignal gate = new AutoResetSignal();
            TimedWorker worker = new TimedWorker(delegate { gate.Wait(Timeout.Infinite); });
            Assert.IsFalse(worker.Run(50));
            gate.Set();
            Assert.IsTrue(WaitUntilIdle(worker), "the first run finished after its caller gave up");
            Assert.IsFalse(worker.Run(50), "its done signal must not count for the run that is blocked now");
            gate.Set();
            Assert.IsTrue(WaitUntilIdle(worker));
            worker.Stop();
        }

        [TestMethod]
        public void AnEscapingExceptionDoesNotEndTheThread()
        {
            int runs = 0;
            TimedWorker worker = new TimedWorker(delegate
            {
                runs++;
                if (runs == 1)
                {
                    throw new InvalidOperationException("adapter bug");
                }
            });
            Assert.IsTrue(worker.Run(5000));
            Assert.IsTrue(worker.Run(5000));
            worker.Stop();
            Assert.AreEqual(2, runs);
        }

        private static bool WaitUntilIdle(TimedWorker worker)
        {
            for (int i = 0; i < 500 && worker.IsBusy; i++)
            {
                Thread.Sleep(10);
            }

            return !worker.IsBusy;
        }
    }
}
