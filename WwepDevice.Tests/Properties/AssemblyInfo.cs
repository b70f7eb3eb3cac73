using System.Reflection;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("WwepDevice portable logic tests, for the nanoFramework test runner and the host shim")]
[assembly: AssemblyVersion("1.0.0.0")]
