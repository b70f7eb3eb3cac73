using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a test.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class TestMethodAttribute : Attribute
    {
    }
}
