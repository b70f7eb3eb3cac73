using System;
using System.Collections.Generic;

namespace WwepServer
{
    /// <summary>The classroom's totals since this start: boards seen and online, writes stored, failures by cause.</summary>
    public sealed class ClassroomTotals
    {
        /// <summary>Boards that connected since this start.</summary>
        public int BoardsSeen { get; set; }

        /// <summary>Boards seen within the last <see cref="OnlineMinutes"/> minutes.</summary>
        public int Online { get; set; }

        /// <summary>Boards whose last failure came after their last answered request.</summary>
        public int Failing { get; set; }

        /// <summary>Failed connections that belong to no known board (not counted as boards).</summary>
        public long UnidentifiedFailures { get; set; }

        /// <summary>The addresses those came from (as far as the view keeps them).</summary>
        public int UnidentifiedAddresses { get; set; }

        /// <summary>Boards on the roster that have not connected since this start.</summary>
        public int RosterNotSeen { get; set; }

        /// <summary>Writes stored (durably) since this start.</summary>
        public long Writes { get; set; }

        /// <summary>Failed connections since this start.</summary>
        public long Failures { get; set; }

        /// <summary>Failed connections by cause, most frequent first (causes that did not occur are left out).</summary>
        public List<CauseCount> FailuresByCause { get; } = new List<CauseCount>();

        /// <summary>What "online" means: seen within this many minutes.</summary>
        public double OnlineMinutes { get; set; }

        /// <summary>The server's clock when these were counted (UTC): the page judges "online" against it.</summary>
        public DateTime ServerTime { get; set; }
    }
}
