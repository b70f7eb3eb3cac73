using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Runs the test once with these arguments.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class DataRowAttribute : Attribute
    {
        /// <summary>Creates a row.</summary>
        /// <param name="methodParameters">The test's arguments.</param>
        public DataRowAttribute(params object[] methodParameters)
        {
            MethodParameters = methodParameters;
        }

        /// <summary>The test's arguments.</summary>
        public object[] MethodParameters { get; }
    }
}
