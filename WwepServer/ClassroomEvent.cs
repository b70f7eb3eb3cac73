using System;

namespace WwepServer
{
    /// <summary>
    /// Something a connection did that the classroom view shows: a transaction or a failure. Made on the connection's
    /// thread and handed to the view through <see cref="LiveFeed"/>, nothing more.
    /// </summary>
    public abstract class ClassroomEvent
    {
        /// <summary>Creates the event.</summary>
        /// <param name="time">When it happened (UTC).</param>
        /// <param name="transport"><c>plain</c> or <c>TLS</c>.</param>
        /// <param name="peer">Client address and port.</param>
        /// <param name="identity">The client certificate's CN, when the client presented one; else null.</param>
        protected ClassroomEvent(DateTime time, string transport, string peer, string? identity)
        {
            Time = time;
            Transport = transport;
            Peer = peer;
            Identity = identity;
        }

        /// <summary>When it happened (UTC).</summary>
        public DateTime Time { get; }

        /// <summary><c>plain</c> or <c>TLS</c>.</summary>
        public string Transport { get; }

        /// <summary>Client address and port.</summary>
        public string Peer { get; }

        /// <summary>The client certificate's CN, when the client presented one; else null.</summary>
        public string? Identity { get; }
    }
}
