using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using System.Threading;

namespace WwepServer
{
    /// <summary>
    /// One console line per transaction, as the course's server prints them:
    /// <c>#12 TLS 192.168.1.20:50522 W0FAC0B1234 -> A0FAC0B1234</c>. Lines are written by a background thread in
    /// batches (every 50 ms), so a slow console never holds up a reply; if it falls far behind, lines are dropped and
    /// counted.
    /// </summary>
    public sealed class TransactionLog : IDisposable
    {
        private const int MaxQueuedLines = 100_000;

        // Lines appear at most this late: unnoticeable for a person watching the console.
        private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

        private readonly TextWriter _output;
        private readonly ConcurrentQueue<string> _lines = new ConcurrentQueue<string>();
        private readonly AutoResetEvent _signal = new AutoResetEvent(false);
        private readonly Thread _thread;
        private long _transactionCount;
        private int _queued;
        private long _dropped;
        private volatile bool _stopping;

        /// <summary>Starts the writer.</summary>
        /// <param name="output">Usually <see cref="Console.Out"/>.</param>
        public TransactionLog(TextWriter output)
        {
            _output = output;
            _thread = new Thread(WriteLoop) { IsBackground = true, Name = "WWEP transaction log" };
            _thread.Start();
        }

        /// <summary>Transactions so far (the running count in each line).</summary>
        public long TransactionCount
        {
            get { return Interlocked.Read(ref _transactionCount); }
        }

        /// <summary>Queues the line for one transaction.</summary>
        /// <param name="transport"><c>plain</c> or <c>TLS</c>.</param>
        /// <param name="peer">Client address and port.</param>
        /// <param name="request">Printable request (see WwepCodec.ToPrintable).</param>
        /// <param name="reply">Printable reply.</param>
        /// <param name="rejectReason">For X, why; else null.</param>
        public void Record(string transport, string peer, string request, string reply, string? rejectReason)
        {
            long number = Interlocked.Increment(ref _transactionCount);
            if (Interlocked.Increment(ref _queued) > MaxQueuedLines)
            {
                Interlocked.Decrement(ref _queued);
                Interlocked.Increment(ref _dropped);
                return;
            }

            string line = rejectReason == null
                ? "#" + number + " " + transport + " " + peer + " " + request + " -> " + reply
                : "#" + number + " " + transport + " " + peer + " " + request + " -> " + reply + " (" + rejectReason + ")";
            _lines.Enqueue(line);

            // No wake-up per line: the writer looks every FlushInterval, which keeps a busy server from paying a
            // thread switch per transaction.
        }

        /// <summary>Writes what is queued and stops the writer.</summary>
        public void Dispose()
        {
            _stopping = true;
            _signal.Set();
            _thread.Join();
            _signal.Dispose();
        }

        private void WriteLoop()
        {
            var text = new StringBuilder();
            while (true)
            {
                _signal.WaitOne(FlushInterval);
                bool stopping = _stopping;
                text.Clear();
                while (_lines.TryDequeue(out string? line))
                {
                    Interlocked.Decrement(ref _queued);
                    text.Append(line).Append('\n');
                }

                long dropped = Interlocked.Exchange(ref _dropped, 0);
                if (dropped > 0)
                {
                    text.Append("(").Append(dropped).Append(" transaction line(s) not shown: the console could not keep up)\n");
                }

                if (text.Length > 0)
                {
                    try
                    {
                        _output.Write(text.ToString());
                        _output.Flush();
                    }
                    catch (IOException)
                    {
                        // The console went away (closed pipe); serving boards matters more than printing.
                    }
                }

                if (stopping)
                {
                    return;
                }
            }
        }
    }
}
