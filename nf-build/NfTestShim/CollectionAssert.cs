using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Assertions on arrays.</summary>
    public static class CollectionAssert
    {
        /// <summary>Fails unless both arrays hold equal elements in the same order.</summary>
        /// <param name="expected">Expected.</param>
        /// <param name="actual">Actual.</param>
        /// <param name="message">Shown on failure.</param>
        public static void AreEqual(Array expected, Array actual, string message = "")
        {
            if (expected is null || actual is null)
            {
                if (!ReferenceEquals(expected, actual))
                {
                    throw new AssertFailedException("CollectionAssert.AreEqual failed. One array is null. " + message);
                }

                return;
            }

            if (expected.Length != actual.Length)
            {
                throw new AssertFailedException("CollectionAssert.AreEqual failed. Lengths " + expected.Length + " and " + actual.Length + ". " + message);
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (!Equals(expected.GetValue(i), actual.GetValue(i)))
                {
                    throw new AssertFailedException("CollectionAssert.AreEqual failed at index " + i + ": <" + expected.GetValue(i) + "> vs <" + actual.GetValue(i) + ">. " + message);
                }
            }
        }
    }
}
