using System.Collections;
using WwepDevice.Core.Network;

namespace WwepDevice.Tests.Fakes
{
    /// <summary>
    /// A transport that plays a queue of connection outcomes (a connection, or an exception to throw) and records
    /// the kind of every connection asked for. When the queue is empty it keeps playing the last entry.
    /// </summary>
    public sealed class FakeTransport : IWwepTransport
    {
        private readonly ArrayList _outcomes = new ArrayList();
        private readonly ArrayList _kinds = new ArrayList();
        private int _next;

        /// <summary>Called at each Connect, before the outcome (to simulate a press during a send).</summary>
        public ConnectHook OnConnect { get; set; }

        /// <summary>Number of Connect calls.</summary>
        public int Connects
        {
            get { return _kinds.Count; }
        }

        /// <summary>Queues a connection to hand out.</summary>
        /// <param name="connection">The connection.</param>
        public void Enqueue(IWwepConnection connection)
        {
            _outcomes.Add(connection);
        }

        /// <summary>Queues a failure to throw.</summary>
        /// <param name="failure">The exception.</param>
        public void Enqueue(WwepTransportException failure)
        {
            _outcomes.Add(failure);
        }

        /// <summary>The kind asked for by Connect call <paramref name="index"/>.</summary>
        /// <param name="index">0-based.</param>
        /// <returns>The kind.</returns>
        public TransportKind Kind(int index)
        {
            return (TransportKind)_kinds[index];
        }

        /// <summary>How many Connect calls asked for <paramref name="kind"/>.</summary>
        /// <param name="kind">The kind.</param>
        /// <returns>The count.</returns>
        public int CountOf(TransportKind kind)
        {
            int count = 0;
            for (int i = 0; i < _kinds.Count; i++)
            {
                if ((TransportKind)_kinds[i] == kind)
                {
                    count++;
                }
            }

            return count;
        }

        /// <inheritdoc/>
        public IWwepConnection Connect(TransportKind kind)
        {
            _kinds.Add(kind);
            if (OnConnect != null)
            {
                OnConnect(_kinds.Count);
            }

            object outcome = _outcomes[_next < _outcomes.Count ? _next : _outcomes.Count - 1];
            if (_next < _outcomes.Count)
            {
                _next++;
            }

            if (outcome is WwepTransportException)
            {
                throw (WwepTransportException)outcome;
            }

            return (IWwepConnection)outcome;
        }
    }
}
