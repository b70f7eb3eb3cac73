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
        public void PrepareRunsBeforeTheJob()
        {
            string[] order = new string[] { string.Empty };
            TimedWorker worker = new TimedWorker(delegate { order[0] += "job"; });
            Assert.IsTrue(worker.Run(5000, delegate { order[0] += "prepare,"; }));
            worker.Stop();
            Assert.AreEqual("prepare,job", order[0]);
        }

        [TestMethod]
        public void PrepareIsNotCalledWhileARunIsGoing()
        {
            AutoResetSignal gate = new AutoResetSignal();
            int[] prepared = new int[1];
            TimedWorker worker = new TimedWorker(delegate { gate.Wait(Timeout.Infinite); });
            Assert.IsFalse(worker.Run(50, delegate { prepared[0]++; }));
            Assert.IsFalse(worker.Run(60000, delegate { prepared[0]++; }), "busy: the stuck run keeps its inputs");
            Assert.AreEqual(1, prepared[0]);
            gate.Set();
            Assert.IsTrue(WaitUntilIdle(worker));
            worker.Stop();
        }

        [TestMethod]
        public void ALateFailureDoesNotMarkTheNextGoodRun()
        {
            // The board's connect gap: a timed-out connect that fails after its caller gave up writes its error; the
            // next connect's prepare (clearing the error) must come after that write, not before the busy check.
            AutoResetSignal gate = new AutoResetSignal();
            string[] error = new string[] { null };
            bool[] stuck = new bool[] { true };
            TimedWorker worker = new TimedWorker(delegate
            {
                if (stuck[0])
                {
                    gate.Wait(Timeout.Infinite);
                    error[0] = "late failure";
                }
            });
            Assert.IsFalse(worker.Run(50, delegate { error[0] = null; }));
            stuck[0] = false;
            gate.Set();
            Assert.IsTrue(WaitUntilIdle(worker));
            Assert.IsTrue(worker.Run(5000, delegate { error[0] = null; }));
            worker.Stop();
            Assert.IsNull(error[0], "the good run's outcome is its own");
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
