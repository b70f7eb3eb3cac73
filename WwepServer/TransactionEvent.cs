using System;

namespace WwepServer
{
    /// <summary>One answered transaction as the classroom view shows it; made on the connection's thread, nothing more.</summary>
    public sealed class TransactionEvent
    {
        /// <summary>Creates the event.</summary>
        /// <param name="time">When the reply was sent (UTC).</param>
        /// <param name="transport"><c>plain</c> or <c>TLS</c>.</param>
        /// <param name="peer">Client address and port.</param>
        /// <param name="identity">The client certificate's CN under mutual TLS, else null.</param>
        /// <param name="request">Printable request.</param>
        /// <param name="reply">Printable reply.</param>
        /// <param name="rejectReason">For X, why; else null.</param>
        public TransactionEvent(DateTime time, string transport, string peer, string? identity, string request, string reply, string? rejectReason)
        {
            Time = time;
            Transport = transport;
            Peer = peer;
            Identity = identity;
            Request = request;
            Reply = reply;
            RejectReason = rejectReason;
        }

        /// <summary>When the reply was sent (UTC).</summary>
        public DateTime Time { get; }

        /// <summary><c>plain</c> or <c>TLS</c>.</summary>
        public string Transport { get; }

        /// <summary>Client address and port.</summary>
        public string Peer { get; }

        /// <summary>The client certificate's CN under mutual TLS, else null.</summary>
        public string? Identity { get; }

        /// <summary>Printable request, for example <c>W0FAC050001</c>.</summary>
        public string Request { get; }

        /// <summary>Printable reply, for example <c>A0FAC050001</c> or <c>X</c>.</summary>
        public string Reply { get; }

        /// <summary>For X, why; else null.</summary>
        public string? RejectReason { get; }
    }
}
