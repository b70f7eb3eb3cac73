using System.Threading.Channels;

namespace WwepServer
{
    /// <summary>
    /// The hand-off from the connections to the classroom view: a bounded queue that a connection's thread writes
    /// to without ever waiting (when the view falls behind, the oldest events are dropped), and that one background
    /// task reads. The accept and commit threads thus pay one short enqueue per transaction, never a page's work.
    /// </summary>
    public sealed class LiveFeed
    {
        // A second of a busy classroom and then some; the view only needs the newest state.
        private const int Capacity = 8192;

        private readonly Channel<ClassroomEvent> _events = Channel.CreateBounded<ClassroomEvent>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false, // the reader's work never runs on the writer's thread
        });

        /// <summary>What the view reads.</summary>
        public ChannelReader<ClassroomEvent> Reader
        {
            get { return _events.Reader; }
        }

        /// <summary>Queues an event (a transaction or a failure); never blocks.</summary>
        /// <param name="happened">The event.</param>
        public void Publish(ClassroomEvent happened)
        {
            _events.Writer.TryWrite(happened);
        }

        /// <summary>No more events (the server stops).</summary>
        public void Complete()
        {
            _events.Writer.TryComplete();
        }
    }
}
