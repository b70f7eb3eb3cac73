using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Press;

namespace WwepDevice.Tests
{
    [TestClass]
    public class RetryPolicyTests
    {
        [TestMethod]
        public void BaseDelayDoublesUpToTheCap()
        {
            RetryPolicy policy = new RetryPolicy(10, 500, 15000, new Random(1));
            Assert.AreEqual(500, policy.BaseDelay(1));
            Assert.AreEqual(1000, policy.BaseDelay(2));
            Assert.AreEqual(2000, policy.BaseDelay(3));
            Assert.AreEqual(8000, policy.BaseDelay(5));
            Assert.AreEqual(15000, policy.BaseDelay(6));
            Assert.AreEqual(15000, policy.BaseDelay(60));
        }

        [TestMethod]
        public void JitteredDelayStaysBetweenHalfAndAllOfTheBase()
        {
            RetryPolicy policy = new RetryPolicy(10, 500, 15000, new Random(7));
            for (int attempt = 1; attempt <= 8; attempt++)
            {
                int full = policy.BaseDelay(attempt);
                for (int i = 0; i < 200; i++)
                {
                    int delay = policy.DelayBeforeRetry(attempt);
                    Assert.IsTrue(delay >= full / 2 && delay <= full, "attempt " + attempt.ToString() + " delay " + delay.ToString());
                }
            }
        }

        [TestMethod]
        public void JitterActuallySpreadsBoards()
        {
            RetryPolicy policy = new RetryPolicy(10, 1000, 1000, new Random(3));
            int low = 0;
            int high = 0;
            for (int i = 0; i < 400; i++)
            {
                int delay = policy.DelayBeforeRetry(1);
                if (delay < 750)
                {
                    low++;
                }
                else
                {
                    high++;
                }
            }

            Assert.IsTrue(low > 100 && high > 100, "low " + low.ToString() + " high " + high.ToString());
        }

        [TestMethod]
        public void ImpossiblePoliciesAreRefused()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new RetryPolicy(0, 1, 2, new Random()));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new RetryPolicy(1, 10, 5, new Random()));
        }
    }
}
