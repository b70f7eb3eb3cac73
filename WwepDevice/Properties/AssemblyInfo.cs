using System.Reflection;

[assembly: AssemblyTitle("WwepDevice")]
[assembly: AssemblyDescription("WWEP button/LED client for ESP32 on .NET nanoFramework")]
[assembly: AssemblyProduct("WwepDevice")]
[assembly: AssemblyVersion("1.0.0.0")]
