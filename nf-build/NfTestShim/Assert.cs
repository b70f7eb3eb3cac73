using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// The assertions of nanoFramework.TestFramework 3.x that WwepDevice.Tests uses, with the same overloads
    /// (typed, no generics, no delta), so a test that compiles here compiles against the real library.
    /// </summary>
    public static class Assert
    {
        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">Expected.</param>
        /// <param name="actual">Actual.</param>
        /// <param name="message">Shown on failure.</param>
        public static void AreEqual(object? expected, object? actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">Expected.</param>
        /// <param name="actual">Actual.</param>
        /// <param name="message">Shown on failure.</param>
        public static void AreEqual(int expected, int actual, string message = "")
        {
            AreEqual((object)expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">Expected.</param>
        /// <param name="actual">Actual.</param>
        /// <param name="message">Shown on failure.</param>
        public static void AreEqual(long expected, long actual, string message = "")
        {
            AreEqual((object)expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">Expected.</param>
        /// <param name="actual">Actual.</param>
        /// <param name="message">Shown on failure.</param>
        public static void AreEqual(short expected, short actual, string message = "")
        {
            AreEqual((object)expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">Expected.</param>
        /// <param name="actual">Actual.</param>
        /// <param name="message">Shown on failure.</param>
        public static void AreEqual(byte expected, byte actual, string message = "")
        {
            AreEqual((object)expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">Expected.</param>
        /// <param name="actual">Actual.</param>
        /// <param name="message">Shown on failure.</param>
        public static void AreEqual(char expected, char actual, string message = "")
        {
            AreEqual((object)expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">Expected.</param>
        /// <param name="actual">Actual.</param>
        /// <param name="message">Shown on failure.</param>
        public static void AreEqual(bool expected, bool actual, string message = "")
        {
            AreEqual((object)expected, actual, message);
        }

        /// <summary>Fails unless the strings are equal.</summary>
        /// <param name="expected">Expected.</param>
        /// <param name="actual">Actual.</param>
        /// <param name="message">Shown on failure.</param>
        public static void AreEqual(string? expected, string? actual, string message = "")
        {
            AreEqual((object?)expected, actual, message);
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value that must not appear.</param>
        /// <param name="actual">Actual.</param>
        /// <param name="message">Shown on failure.</param>
        public static void AreNotEqual(object? notExpected, object? actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are <" + Show(actual) + ">. " + message);
            }
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value that must not appear.</param>
        /// <param name="actual">Actual.</param>
        /// <param name="message">Shown on failure.</param>
        public static void AreNotEqual(int notExpected, int actual, string message = "")
        {
            AreNotEqual((object)notExpected, actual, message);
        }

        /// <summary>Fails unless both refer to the same object.</summary>
        /// <param name="expected">Expected.</param>
        /// <param name="actual">Actual.</param>
        /// <param name="message">Shown on failure.</param>
        public static void AreSame(object? expected, object? actual, string message = "")
        {
            if (!ReferenceEquals(expected, actual))
            {
                Fail("Assert.AreSame", message);
            }
        }

        /// <summary>Fails unless the condition holds.</summary>
        /// <param name="condition">The condition.</param>
        /// <param name="message">Shown on failure.</param>
        public static void IsTrue(bool condition, string message = "")
        {
            if (!condition)
            {
                Fail("Assert.IsTrue", message);
            }
        }

        /// <summary>Fails if the condition holds.</summary>
        /// <param name="condition">The condition.</param>
        /// <param name="message">Shown on failure.</param>
        public static void IsFalse(bool condition, string message = "")
        {
            if (condition)
            {
                Fail("Assert.IsFalse", message);
            }
        }

        /// <summary>Fails unless the value is null.</summary>
        /// <param name="value">The value.</param>
        /// <param name="message">Shown on failure.</param>
        public static void IsNull(object? value, string message = "")
        {
            if (value is not null)
            {
                Fail("Assert.IsNull", "Got <" + Show(value) + ">. " + message);
            }
        }

        /// <summary>Fails if the value is null.</summary>
        /// <param name="value">The value.</param>
        /// <param name="message">Shown on failure.</param>
        public static void IsNotNull(object? value, string message = "")
        {
            if (value is null)
            {
                Fail("Assert.IsNotNull", message);
            }
        }

        /// <summary>Fails unless <paramref name="action"/> throws exactly <paramref name="exceptionType"/>.</summary>
        /// <param name="exceptionType">The exception type expected.</param>
        /// <param name="action">The code under test.</param>
        /// <param name="message">Shown on failure.</param>
        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                if (ex.GetType() != exceptionType)
                {
                    Fail("Assert.ThrowsException", "Expected " + exceptionType.Name + ", got " + ex.GetType().Name + ": " + ex.Message + ". " + message);
                }

                return;
            }

            Fail("Assert.ThrowsException", "Expected " + exceptionType.Name + ", nothing was thrown. " + message);
        }

        /// <summary>Fails unless <paramref name="value"/> contains <paramref name="expected"/>.</summary>
        /// <param name="expected">The text to find.</param>
        /// <param name="value">The text to search.</param>
        /// <param name="message">Shown on failure.</param>
        public static void Contains(string expected, string value, string message = "")
        {
            if (value is null || !value.Contains(expected, StringComparison.Ordinal))
            {
                Fail("Assert.Contains", "'" + Show(value) + "' does not contain '" + expected + "'. " + message);
            }
        }

        /// <summary>Fails unless <paramref name="value"/> starts with <paramref name="expected"/>.</summary>
        /// <param name="expected">The prefix.</param>
        /// <param name="value">The text.</param>
        /// <param name="message">Shown on failure.</param>
        public static void StartsWith(string expected, string value, string message = "")
        {
            if (value is null || !value.StartsWith(expected, StringComparison.Ordinal))
            {
                Fail("Assert.StartsWith", "'" + Show(value) + "' does not start with '" + expected + "'. " + message);
            }
        }

        /// <summary>Skips the test.</summary>
        /// <param name="message">Why.</param>
        public static void SkipTest(string? message = null)
        {
            throw new SkipTestException(message);
        }

        private static string Show(object? value)
        {
            return value is null ? "(null)" : value.ToString() ?? "(null)";
        }

        private static void Fail(string assertion, string message)
        {
            throw new AssertFailedException(assertion + " failed. " + message);
        }
    }
}
