using System;
using System.Text.Json.Serialization;

namespace WwepServer
{
    /// <summary>
    /// Failed connections of one cause from one address that the server cannot put on any board: no client certificate,
    /// no device ID in what was sent, and an address that has carried no device or several. The view lists these apart
    /// from the boards (an entry of /api/unidentified), so a port scanner or a PC running simulators is never counted as
    /// a board, and one board's card never shows another's failure.
    /// </summary>
    public sealed class UnidentifiedFailure
    {
        /// <summary>Creates the entry for its first failure.</summary>
        /// <param name="failure">The failure.</param>
        public UnidentifiedFailure(ConnectionFailure failure)
        {
            Address = failure.Address;
            FirstTime = failure.Time;
            LastFailure = failure;
        }

        /// <summary>What the page knows the entry by: the address and the cause.</summary>
        public string Key
        {
            get { return Address + " " + LastFailure.Code; }
        }

        /// <summary>The client address.</summary>
        public string Address { get; }

        /// <summary>How many failures of this cause came from the address since this start.</summary>
        public long Count { get; set; } = 1;

        /// <summary>When the first came (UTC).</summary>
        public DateTime FirstTime { get; }

        /// <summary>The latest, with its cause, evidence and fix.</summary>
        public ConnectionFailure LastFailure { get; set; }

        /// <summary>The cause, for the state's own bookkeeping.</summary>
        [JsonIgnore]
        internal FailureCause Cause
        {
            get { return LastFailure.Cause; }
        }

        /// <summary>A copy that later failures do not change.</summary>
        /// <returns>The copy.</returns>
        public UnidentifiedFailure Copy()
        {
            return new UnidentifiedFailure(Address, FirstTime, LastFailure, Count);
        }

        private UnidentifiedFailure(string address, DateTime firstTime, ConnectionFailure lastFailure, long count)
        {
            Address = address;
            FirstTime = firstTime;
            LastFailure = lastFailure;
            Count = count;
        }
    }
}
