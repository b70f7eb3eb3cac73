using System;
using System.Collections.Generic;

namespace WwepServer
{
    /// <summary>
    /// One board as the classroom view shows it (a card, an entry of /api/devices): a device, named by the device ID its
    /// client certificate or its writes carry, or, for a client that never named one, its address.
    /// </summary>
    public sealed class DeviceView
    {
        /// <summary>The LED register (docs/wwep.md): 0000 off, 0001 on.</summary>
        public const int LedRegister = 0x05;

        /// <summary>What the card is known by: the device ID, or the address of a client that named no device.</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>The device ID, 4 uppercase hex digits, or null for a board known only by its address.</summary>
        public string? Id { get; set; }

        /// <summary>The name the roster gives the device, or null.</summary>
        public string? Name { get; set; }

        /// <summary>The address the board last came from, or null when it has not been seen since this start.</summary>
        public string? Address { get; set; }

        /// <summary>True when the board was seen within <see cref="ClassroomState.OnlineWindow"/> (at the time of this copy).</summary>
        public bool Online { get; set; }

        /// <summary>When the board last connected, successfully or not (UTC); null when not since this start.</summary>
        public DateTime? LastSeen { get; set; }

        /// <summary>True when register 05 holds a non-zero value; null when it was never written.</summary>
        public bool? Led { get; set; }

        /// <summary>Every register written, by its 2-digit hex number, values as 4 hex digits.</summary>
        public SortedDictionary<string, string> Registers { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

        /// <summary>When the last accepted write arrived (UTC); null for values stored before this start.</summary>
        public DateTime? LastWrite { get; set; }

        /// <summary>How the last write came: <c>plain</c> or <c>TLS</c>.</summary>
        public string? Transport { get; set; }

        /// <summary>The client certificate's CN of the last connection that presented one.</summary>
        public string? Identity { get; set; }

        /// <summary>Address and port of the last connection.</summary>
        public string? Peer { get; set; }

        /// <summary>The last failed connection of this board, with its cause and fix, or null.</summary>
        public ConnectionFailure? LastFailure { get; set; }

        /// <summary>True when the last failure came after the last answered request: the board is failing now.</summary>
        public bool Failing { get; set; }

        /// <summary>When a request of this board was last answered A (UTC), or null.</summary>
        internal DateTime? LastSuccess { get; set; }
    }
}
