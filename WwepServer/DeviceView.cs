using System;
using System.Collections.Generic;

namespace WwepServer
{
    /// <summary>What the classroom view knows of one device: its registers and its last write.</summary>
    public sealed class DeviceView
    {
        /// <summary>The LED register (docs/wwep.md): 0000 off, 0001 on.</summary>
        public const int LedRegister = 0x05;

        /// <summary>The device ID, 4 uppercase hex digits.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>True when register 05 holds a non-zero value; null when it was never written.</summary>
        public bool? Led { get; set; }

        /// <summary>Every register written, by its 2-digit hex number, values as 4 hex digits.</summary>
        public SortedDictionary<string, string> Registers { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

        /// <summary>When the last accepted write arrived (UTC); null for values stored before this start.</summary>
        public DateTime? LastWrite { get; set; }

        /// <summary>How the last write came: <c>plain</c> or <c>TLS</c>.</summary>
        public string? Transport { get; set; }

        /// <summary>The client certificate's CN of the last write, when mutual TLS named one.</summary>
        public string? Identity { get; set; }

        /// <summary>Address and port of the last writer.</summary>
        public string? Peer { get; set; }
    }
}
