using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SQLitePCL;
using WwepDevice.Core.Protocol;

namespace WwepServer
{
    /// <summary>
    /// The registers: 256 per device, 65,536 devices, kept in SQLite (WAL, synchronous=FULL) and mirrored in memory
    /// for reads. A write completes only after the commit that holds it has reached the disk. Writes are committed in
    /// groups (many boards cost one disk flush, not one each), one commit at a time, by either of two: the writer
    /// thread, which takes every write that queued up while the previous commit was syncing; or a thread that
    /// promised to commit its own writes (<see cref="CommitWritesOnThisThread"/>), which does so with
    /// <see cref="CommitQueuedWrites"/> when it has nothing else to do.
    /// </summary>
    public sealed class RegisterStore : IDisposable
    {
        /// <summary>The database file's name inside the data folder.</summary>
        public const string DatabaseFileName = "registers.db";

        private const int DeviceCount = WwepCodec.MaxDeviceId + 1;
        private const int RegistersPerDevice = WwepCodec.MaxRegister + 1;
        private const int NeverWritten = -1;

        // Bounds one commit so that a flood of writes still completes in slices.
        private const int MaxWritesPerCommit = 4096;

        private const string UpsertSql =
            "INSERT INTO registers(device, register, value) VALUES (?1, ?2, ?3) "
            + "ON CONFLICT(device, register) DO UPDATE SET value = excluded.value";

        private readonly SqliteConnection _connection;
        private readonly ILogger _logger;
        private readonly ConcurrentQueue<PendingWrite> _pending = new ConcurrentQueue<PendingWrite>();

        // Held for taking writes off the queue and committing them: one commit at a time, in queue order.
        private readonly object _commitLock = new object();

        // No spinning: on a small machine the writer's spin would take CPU from the connections it is waiting for.
        // Not disposed with the store: a committing thread that outlived the stop may still Set it.
        private readonly ManualResetEventSlim _wake = new ManualResetEventSlim(false, spinCount: 0);
        private readonly Thread _writer;
        private sqlite3_stmt? _upsert;
        private sqlite3_stmt? _begin;
        private sqlite3_stmt? _commit;

        // 1 while the writer sleeps: only then does a new write have to wake it (under load it never sleeps).
        private int _writerIdle;

        // Set once the writer has found the queue empty and will sleep until woken: from then on it takes no write that
        // nobody woke it for. Tests wait for it instead of guessing how long the writer needs to get there.
        private readonly ManualResetEventSlim _writerAsleep = new ManualResetEventSlim(false, spinCount: 0);
        private volatile bool _closing;

        // Committed values only: one array per device, created by the writer thread at the device's first write.
        private readonly int[]?[] _devices = new int[]?[DeviceCount];
        private long _commitCount;
        private long _committedWrites;

        // Set on threads that commit the writes they queue themselves (see CommitWritesOnThisThread).
        [ThreadStatic]
        private static bool t_commitsOwnWrites;

        // The batch of such a thread, kept for its next commit.
        [ThreadStatic]
        private static List<PendingWrite>? t_batch;

        private RegisterStore(string databasePath, SqliteConnection connection, ILogger logger)
        {
            DatabasePath = databasePath;
            _connection = connection;
            _logger = logger;
            _writer = new Thread(WriteLoop) { IsBackground = true, Name = "WWEP group commit" };
        }

        /// <summary>The database file.</summary>
        public string DatabasePath { get; }

        /// <summary>How many registers hold a value.</summary>
        public int RegisterCount { get; private set; }

        /// <summary>Commits made since opening (each one disk flush).</summary>
        public long CommitCount
        {
            get { return Interlocked.Read(ref _commitCount); }
        }

        /// <summary>Writes made durable since opening; with <see cref="CommitCount"/> it shows how well writes batch.</summary>
        public long CommittedWrites
        {
            get { return Interlocked.Read(ref _committedWrites); }
        }

        /// <summary>Whether writes are waiting for a commit.</summary>
        public bool HasQueuedWrites
        {
            get { return !_pending.IsEmpty; }
        }

        /// <summary>
        /// Promises that the calling thread commits the writes it queues, with <see cref="CommitQueuedWrites"/>, before
        /// it next waits for anything; its writes then do not wake the writer thread. The plain port's accept thread
        /// does this: it serves every board whose request is already in, then commits their writes in one go, which
        /// saves a hand-off to the writer thread and a thread wake-up on every commit.
        /// </summary>
        public static void CommitWritesOnThisThread()
        {
            t_commitsOwnWrites = true;
        }

        /// <summary>
        /// Opens (or creates) the database in <paramref name="dataDirectory"/> and loads every register. The file is
        /// locked for as long as the store is open, so a second server on the same folder fails at start.
        /// </summary>
        /// <param name="dataDirectory">The data folder; created when missing.</param>
        /// <param name="logger">Where commit failures are reported.</param>
        /// <returns>The open store.</returns>
        /// <exception cref="StartupException">The folder cannot be used or another server holds it.</exception>
        public static RegisterStore Open(string dataDirectory, ILogger logger)
        {
            string folder = Path.GetFullPath(dataDirectory);
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new StartupException("cannot create data folder " + folder + ": " + e.Message + " (choose another with --data)", e);
            }

            string path = Path.Combine(folder, DatabaseFileName);
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,

                // Only a second server can make this database busy; say so promptly instead of retrying for 30 s.
                DefaultTimeout = 1,
            }.ToString());
            try
            {
                connection.Open();

                // EXCLUSIVE before WAL: the lock is held for the connection's life (a second server cannot write
                // behind this one's memory) and WAL then needs no shared-memory file.
                // synchronous=FULL: every commit syncs the WAL, so an acknowledged write survives a crash or power cut.
                Execute(connection, "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
                Execute(connection, "BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS registers ("
                    + "device INTEGER NOT NULL, register INTEGER NOT NULL, value INTEGER NOT NULL, "
                    + "PRIMARY KEY (device, register)) WITHOUT ROWID; COMMIT;");
            }
            catch (SqliteException e)
            {
                connection.Dispose();
                string hint = e.SqliteErrorCode == 5 || e.SqliteErrorCode == 6
                    ? "another WWEP server is using this data folder; stop it or pass another --data"
                    : "check the file and the folder's permissions, or pass another --data";
                throw new StartupException("cannot open register database " + path + ": " + e.Message.Replace('\n', ' ') + " (" + hint + ")", e);
            }

            var store = new RegisterStore(path, connection, logger);
            store.LoadAll();
            store.PrepareUpsert();
            store._writer.Start();
            return store;
        }

        /// <summary>The devices that have at least one committed register, in ascending order (a scan of all 65,536 IDs).</summary>
        /// <returns>Their IDs.</returns>
        public List<int> WrittenDevices()
        {
            var devices = new List<int>();
            for (int device = 0; device < DeviceCount; device++)
            {
                if (Volatile.Read(ref _devices[device]) != null)
                {
                    devices.Add(device);
                }
            }

            return devices;
        }

        /// <summary>Reads a register from memory (committed values only).</summary>
        /// <param name="deviceId">0 to 0xFFFF.</param>
        /// <param name="register">0 to 0xFF.</param>
        /// <param name="value">The stored value when the result is true.</param>
        /// <returns>False when the register was never written.</returns>
        public bool TryRead(int deviceId, int register, out int value)
        {
            int[]? registers = Volatile.Read(ref _devices[deviceId]);
            value = registers == null ? NeverWritten : Volatile.Read(ref registers[register]);
            return value != NeverWritten;
        }

        /// <summary>
        /// Writes a register. The task completes when the write is on disk (and visible to reads), or faults when the
        /// commit failed; never acknowledge a write before it completes.
        /// </summary>
        /// <param name="deviceId">0 to 0xFFFF.</param>
        /// <param name="register">0 to 0xFF.</param>
        /// <param name="value">0 to 0xFFFF.</param>
        /// <returns>Completes when durable.</returns>
        public Task WriteAsync(int deviceId, int register, int value)
        {
            if (_closing)
            {
                return Task.FromException(new ObjectDisposedException(nameof(RegisterStore), "the server is stopping"));
            }

            var write = new PendingWrite(deviceId, register, value);
            _pending.Enqueue(write);
            if (!t_commitsOwnWrites && Volatile.Read(ref _writerIdle) == 1 && Interlocked.Exchange(ref _writerIdle, 0) == 1)
            {
                _wake.Set();
            }

            return write.Completion.Task;
        }

        /// <summary>
        /// Commits the queued writes on the calling thread and completes them (their continuations run here, as they do
        /// on the writer thread). Returns at once when another thread is committing: that thread takes the queue
        /// again after its commit, so no write is left behind.
        /// </summary>
        public void CommitQueuedWrites()
        {
            List<PendingWrite> batch = t_batch ??= new List<PendingWrite>();

            // TryEnter, not Enter: waiting for another commit would only delay this thread's next connection, and the
            // committing thread takes up whatever is queued when it is done (the loop below does so too).
            while (!_closing && !_pending.IsEmpty && Monitor.TryEnter(_commitLock))
            {
                bool committed;
                try
                {
                    committed = TakeQueued(batch) && Commit(batch);
                }
                finally
                {
                    Monitor.Exit(_commitLock);
                }

                if (committed)
                {
                    CompleteAll(batch);
                }
            }

            if (_closing && !_pending.IsEmpty)
            {
                // Stopping: the writer thread commits what is left before it closes the database.
                _wake.Set();
            }
        }

        /// <summary>
        /// Waits until the writer thread has found the queue empty and sleeps until a write wakes it (for tests: from
        /// then on, writes of a thread that commits its own cannot be taken by the writer).
        /// </summary>
        /// <param name="limit">How long to wait at most (a guard against a hang, not a guess at the machine's speed).</param>
        /// <returns>True when the writer sleeps.</returns>
        internal bool WaitUntilWriterSleeps(TimeSpan limit)
        {
            return _writerAsleep.Wait(limit);
        }

        /// <summary>Whether something has asked the writer thread to wake up since it last went to sleep.</summary>
        internal bool WriterWakeRequested
        {
            get { return _wake.IsSet; }
        }

        /// <summary>Finishes the writes already queued, then closes the database.</summary>
        public void Dispose()
        {
            if (_closing)
            {
                return;
            }

            _closing = true;
            _wake.Set();
            _writer.Join();
            _writerAsleep.Dispose();

            // A thread that was committing its own writes when stopping began finishes before the statements go.
            Monitor.Enter(_commitLock);
            _upsert?.Dispose();
            _begin?.Dispose();
            _commit?.Dispose();
            _connection.Dispose();
            Monitor.Exit(_commitLock);
        }

        private static void Execute(SqliteConnection connection, string sql)
        {
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        private void LoadAll()
        {
            using SqliteCommand select = _connection.CreateCommand();
            select.CommandText = "SELECT device, register, value FROM registers";
            using SqliteDataReader reader = select.ExecuteReader();
            int count = 0;
            while (reader.Read())
            {
                int deviceId = reader.GetInt32(0);
                int register = reader.GetInt32(1);
                int value = reader.GetInt32(2);
                if (deviceId < 0 || deviceId >= DeviceCount || register < 0 || register >= RegistersPerDevice || value < 0 || value > WwepCodec.MaxValue)
                {
                    _logger.LogWarning("register database holds an impossible row (device {Device}, register {Register}, value {Value}); ignored", deviceId, register, value);
                    continue;
                }

                Remember(deviceId, register, value);
                count++;
            }

            RegisterCount = count;
        }

        private void Remember(int deviceId, int register, int value)
        {
            int[]? registers = _devices[deviceId];
            if (registers == null)
            {
                registers = new int[RegistersPerDevice];
                Array.Fill(registers, NeverWritten);
                Volatile.Write(ref _devices[deviceId], registers);
            }

            if (registers[register] == NeverWritten)
            {
                RegisterCount++;
            }

            Volatile.Write(ref registers[register], value);
        }

        private void PrepareUpsert()
        {
            // The hot statement goes straight to SQLite (prepared once, bound with ints): the ADO.NET layer's
            // per-call work was a measurable share of a write's CPU time.
            _upsert = Prepare(UpsertSql);
            _begin = Prepare("BEGIN");
            _commit = Prepare("COMMIT");
        }

        private sqlite3_stmt Prepare(string sql)
        {
            Check(raw.sqlite3_prepare_v2(_connection.Handle, sql, out sqlite3_stmt statement), "prepare");
            return statement;
        }

        private void Step(sqlite3_stmt? statement, string step)
        {
            int result = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            Check(result, step);
        }

        private void WriteLoop()
        {
            var batch = new List<PendingWrite>();
            while (true)
            {
                bool taken;
                bool committed = false;
                lock (_commitLock)
                {
                    // Everything that queued up while the previous commit was syncing goes into this one.
                    taken = TakeQueued(batch);
                    if (taken)
                    {
                        committed = Commit(batch);
                    }
                }

                if (taken)
                {
                    if (committed)
                    {
                        CompleteAll(batch);
                    }

                    continue;
                }

                if (_closing)
                {
                    FailLateWrites();
                    return;
                }

                _wake.Reset();
                Interlocked.Exchange(ref _writerIdle, 1);
                if (!_pending.IsEmpty || _closing)
                {
                    Interlocked.Exchange(ref _writerIdle, 0);
                    continue;
                }

                _writerAsleep.Set();
                _wake.Wait();
                _writerAsleep.Reset();
            }
        }

        // A write that slipped in while the store was closing was never committed: its client must get X.
        private void FailLateWrites()
        {
            while (_pending.TryDequeue(out PendingWrite? write))
            {
                write.Completion.TrySetException(new ObjectDisposedException(nameof(RegisterStore), "the server is stopping"));
            }
        }

        // Moves up to one commit's worth of queued writes into the batch; false when none were queued.
        private bool TakeQueued(List<PendingWrite> batch)
        {
            batch.Clear();
            while (batch.Count < MaxWritesPerCommit && _pending.TryDequeue(out PendingWrite? write))
            {
                batch.Add(write);
            }

            return batch.Count > 0;
        }

        // Commits the batch (the caller holds _commitLock) and makes it visible to reads. False when the commit failed:
        // then every write in the batch has already been failed.
        private bool Commit(List<PendingWrite> batch)
        {
            sqlite3 db = _connection.Handle!;
            try
            {
                Step(_begin, "begin");
                try
                {
                    foreach (PendingWrite write in batch)
                    {
                        raw.sqlite3_bind_int(_upsert, 1, write.DeviceId);
                        raw.sqlite3_bind_int(_upsert, 2, write.Register);
                        raw.sqlite3_bind_int(_upsert, 3, write.Value);
                        Step(_upsert, "write");
                    }

                    // With synchronous=FULL this returns once the WAL is synced to disk.
                    Step(_commit, "commit");
                }
                catch
                {
                    raw.sqlite3_exec(db, "ROLLBACK");
                    throw;
                }
            }
            catch (Exception e)
            {
                _logger.LogError(e, "commit of {Count} register write(s) to {Path} failed; they are answered X", batch.Count, DatabasePath);
                foreach (PendingWrite write in batch)
                {
                    write.Completion.TrySetException(e);
                }

                return false;
            }

            // Reads see a value only once it is durable, in commit order.
            foreach (PendingWrite write in batch)
            {
                Remember(write.DeviceId, write.Register, write.Value);
            }

            Interlocked.Increment(ref _commitCount);
            Interlocked.Add(ref _committedWrites, batch.Count);
            return true;
        }

        private void Check(int result, string step)
        {
            if (result != raw.SQLITE_OK && result != raw.SQLITE_DONE && result != raw.SQLITE_ROW)
            {
                throw new IOException("SQLite " + step + " failed on " + DatabasePath + ": " + raw.sqlite3_errmsg(_connection.Handle).utf8_to_string() + " (code " + result + ")");
            }
        }

        // The writes are answered on the thread that committed them, outside the commit lock (the next commit need not
        // wait for the replies): each waiting connection resumes inline, sends its reply (11 bytes into an empty socket
        // buffer, or one TLS record) and closes, none of which waits. Handing them to the thread pool instead cost a
        // thread wake-up per commit, a measurable share of a write's CPU time on a 2-core machine.
        private static void CompleteAll(List<PendingWrite> writes)
        {
            foreach (PendingWrite write in writes)
            {
                write.Completion.TrySetResult();
            }
        }
    }
}
