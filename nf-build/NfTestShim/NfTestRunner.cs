using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Runs the tests of an assembly the way nanoFramework's UnitTestLauncher does, printing its
    /// <c>Test passed: ...</c> / <c>Test failed: ...</c> lines, then a closing <c>N passed, N failed</c> line.
    /// </summary>
    public static class NfTestRunner
    {
        /// <summary>Runs every test class in <paramref name="assembly"/>.</summary>
        /// <param name="assembly">The test assembly.</param>
        /// <param name="filter">Only tests whose Class.Method name contains this text; null for all.</param>
        /// <returns>The process exit code: 0 when nothing failed.</returns>
        public static int Run(Assembly assembly, string? filter)
        {
            int passed = 0;
            int failed = 0;
            int skipped = 0;
            IEnumerable<Type> classes = assembly.GetTypes()
                .Where(t => t.IsClass && t.GetCustomAttribute<TestClassAttribute>() != null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal);

            foreach (Type type in classes)
            {
                // The real launcher invokes test methods without an instance: state kept in instance
                // fields would be a NullReferenceException on the device, so it is a failure here too.
                FieldInfo[] instanceFields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
                if (instanceFields.Length > 0)
                {
                    Console.WriteLine($"Test failed: {type.Name}, has instance field '{instanceFields[0].Name}': the nanoFramework launcher never creates an instance; use static fields or locals");
                    failed++;
                    continue;
                }

                object instance = Activator.CreateInstance(type)!;
                MethodInfo[] methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .OrderBy(m => m.MetadataToken)
                    .ToArray();

                bool matches = filter == null || methods.Any(m => (type.Name + "." + m.Name).Contains(filter, StringComparison.OrdinalIgnoreCase));
                if (!matches)
                {
                    continue;
                }

                bool setupOk = true;
                foreach (MethodInfo setup in methods.Where(m => m.GetCustomAttribute<SetupAttribute>() != null))
                {
                    Outcome outcome = Invoke(instance, type, setup, null, null);
                    if (outcome != Outcome.Passed)
                    {
                        setupOk = false;
                        if (outcome == Outcome.Failed)
                        {
                            failed++;
                        }
                    }
                }

                if (!setupOk)
                {
                    continue;
                }

                foreach (MethodInfo test in methods)
                {
                    string name = type.Name + "." + test.Name;
                    if (filter != null && !name.Contains(filter, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var runs = new List<object?[]?>();
                    if (test.GetCustomAttribute<TestMethodAttribute>() != null)
                    {
                        runs.Add(null);
                    }

                    runs.AddRange(test.GetCustomAttributes<DataRowAttribute>().Select(r => r.MethodParameters));
                    foreach (object?[]? arguments in runs)
                    {
                        string label = arguments == null ? name : name + "(" + string.Join(",", arguments.Select(a => a?.ToString() ?? "null")) + ")";
                        switch (Invoke(instance, type, test, arguments, label))
                        {
                            case Outcome.Passed:
                                passed++;
                                break;
                            case Outcome.Skipped:
                                skipped++;
                                break;
                            default:
                                failed++;
                                break;
                        }
                    }
                }

                foreach (MethodInfo cleanup in methods.Where(m => m.GetCustomAttribute<CleanupAttribute>() != null))
                {
                    if (Invoke(instance, type, cleanup, null, null) == Outcome.Failed)
                    {
                        failed++;
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine($"{passed} passed, {failed} failed, {skipped} skipped");
            if (passed == 0 && failed == 0)
            {
                Console.WriteLine("no test ran" + (filter == null ? string.Empty : " (filter '" + filter + "')"));
                return 1;
            }

            return failed == 0 ? 0 : 1;
        }

        private static Outcome Invoke(object instance, Type type, MethodInfo method, object?[]? arguments, string? label)
        {
            label ??= type.Name + "." + method.Name;
            var watch = Stopwatch.StartNew();
            try
            {
                method.Invoke(method.IsStatic ? null : instance, arguments);
                Console.WriteLine($"Test passed: {label}, {watch.Elapsed.Ticks}");
                return Outcome.Passed;
            }
            catch (TargetInvocationException wrapped) when (wrapped.InnerException is SkipTestException skip)
            {
                Console.WriteLine($"Test skipped: {label}, {skip.Message}");
                return Outcome.Skipped;
            }
            catch (TargetInvocationException wrapped)
            {
                Exception inner = wrapped.InnerException ?? wrapped;
                string where = inner is AssertFailedException ? string.Empty : " " + FirstFrame(inner);
                Console.WriteLine($"Test failed: {label}, {inner.GetType().Name}: {inner.Message}{where}");
                return Outcome.Failed;
            }
        }

        private static string FirstFrame(Exception ex)
        {
            string? trace = ex.StackTrace;
            if (trace == null)
            {
                return string.Empty;
            }

            int end = trace.IndexOf('\n');
            return (end < 0 ? trace : trace.Substring(0, end)).Trim();
        }

        private enum Outcome
        {
            Passed,
            Failed,
            Skipped,
        }
    }
}
