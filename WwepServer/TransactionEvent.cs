using System;
using System.Text.Json.Serialization;

namespace WwepServer
{
    /// <summary>One answered transaction as the classroom view shows it.</summary>
    public sealed class TransactionEvent : ClassroomEvent
    {
        /// <summary>Creates the event.</summary>
        /// <param name="time">When the reply was sent (UTC).</param>
        /// <param name="transport"><c>plain</c> or <c>TLS</c>.</param>
        /// <param name="peer">Client address and port.</param>
        /// <param name="identity">The client certificate's CN under mutual TLS, else null.</param>
        /// <param name="request">Printable request (cut to <see cref="ClientText.ViewWidth"/>).</param>
        /// <param name="reply">Printable reply.</param>
        /// <param name="rejectReason">For X, why; else null.</param>
        /// <param name="failure">When the X was a failure with a cause (a TLS handshake on the plain port, another device's
        /// register under mutual TLS...), that failure; else null.</param>
        public TransactionEvent(DateTime time, string transport, string peer, string? identity, string request, string reply, string? rejectReason, ConnectionFailure? failure = null)
            : base(time, transport, peer, identity)
        {
            Request = request;
            Reply = reply;
            RejectReason = rejectReason;
            Failure = failure;
        }

        /// <summary>Printable request, for example <c>W0FAC050001</c>.</summary>
        public string Request { get; }

        /// <summary>Printable reply, for example <c>A0FAC050001</c> or <c>X</c>.</summary>
        public string Reply { get; }

        /// <summary>For X, why; else null.</summary>
        public string? RejectReason { get; }

        /// <summary>The failure this X stands for, or null; the board's card shows it, the feed only the reason.</summary>
        [JsonIgnore]
        public ConnectionFailure? Failure { get; }
    }
}
