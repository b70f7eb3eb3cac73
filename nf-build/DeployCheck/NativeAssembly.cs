namespace NfBuild.DeployCheck
{
    /// <summary>One native assembly of a board's firmware, as nanoff's device details list it.</summary>
    public sealed class NativeAssembly
    {
        /// <summary>Creates the entry.</summary>
        /// <param name="name">The assembly name (for example <c>System.Net</c>).</param>
        /// <param name="version">Its native version as printed (for example <c>100.2.0.12</c>).</param>
        /// <param name="checksum">Its native methods checksum.</param>
        public NativeAssembly(string name, string version, uint checksum)
        {
            Name = name;
            Version = version;
            Checksum = checksum;
        }

        /// <summary>The assembly name.</summary>
        public string Name { get; }

        /// <summary>The native version as printed.</summary>
        public string Version { get; }

        /// <summary>The native methods checksum.</summary>
        public uint Checksum { get; }
    }
}
