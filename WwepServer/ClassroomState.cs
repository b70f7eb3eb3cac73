using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WwepDevice.Core.Protocol;

namespace WwepServer
{
    /// <summary>
    /// The whole room, built from the live feed by the view's one background task: every board that connected (those
    /// that only failed too), its registers, when it was last seen, its last failure, and the last transactions. A board
    /// is a device ID: the one its client certificate names, or its accepted writes, or the request it sent to the wrong
    /// port. An address that has carried one device's traffic stands for that device (its later failures go on that
    /// card). A failure the server cannot tie to one device (an address that carried none or several: a port scanner,
    /// a PC running simulators, a NAT) is not a board: it is counted apart, by address and cause. HTTP requests read
    /// copies under the same lock, so the page never sees half an update.
    /// </summary>
    public sealed class ClassroomState
    {
        /// <summary>Transactions kept for the page's feed.</summary>
        public const int RecentCount = 50;

        /// <summary>Addresses and causes of unidentified failures kept (the least recent goes first): a flood from many
        /// addresses costs the view a bounded list, and the totals still count every failure.</summary>
        public const int UnidentifiedKept = 100;

        /// <summary>A board seen within this long is online.</summary>
        public static readonly TimeSpan OnlineWindow = TimeSpan.FromMinutes(5);

        private readonly object _lock = new object();
        // The boards by device ID.
        private readonly SortedDictionary<string, DeviceView> _boards = new SortedDictionary<string, DeviceView>(StringComparer.Ordinal);
        private readonly Dictionary<(string Address, FailureCause Cause), UnidentifiedFailure> _unidentified = new Dictionary<(string, FailureCause), UnidentifiedFailure>();
        private long _unidentifiedTotal;

        // Address -> the one device seen from it, or null once several were.
        private readonly Dictionary<string, string?> _deviceAt = new Dictionary<string, string?>(StringComparer.Ordinal);
        private readonly LinkedList<TransactionEvent> _recent = new LinkedList<TransactionEvent>();
        private readonly RegisterStore _store;
        private readonly Roster _roster;
        private readonly FailureLog? _failures;
        private readonly long _writesBefore;

        /// <summary>Starts with the roster's boards and the registers already stored (their last write time is unknown).</summary>
        /// <param name="store">The register store.</param>
        /// <param name="roster">Names for the boards.</param>
        /// <param name="failures">The failure counts, for the totals (null: none counted).</param>
        public ClassroomState(RegisterStore store, Roster roster, FailureLog? failures)
        {
            _store = store;
            _roster = roster;
            _failures = failures;
            _writesBefore = store.CommittedWrites;
            foreach (string id in roster.Names.Keys)
            {
                DeviceFor(id);
            }

            foreach (int device in store.WrittenDevices())
            {
                for (int register = 0; register <= 0xFF; register++)
                {
                    if (store.TryRead(device, register, out int value))
                    {
                        SetRegister(DeviceFor(DeviceIdentity.ToHex(device)), register, value);
                    }
                }
            }
        }

        /// <summary>
        /// Applies one event: its board is seen; an accepted write updates the registers; a failure becomes the board's
        /// last failure, or, when no board is known to be its own, joins the unidentified ones; a transaction joins the feed.
        /// </summary>
        /// <param name="happened">A transaction or a failure.</param>
        /// <param name="changed">Receives the keys of the cards that changed.</param>
        /// <returns>True when the unidentified failures changed.</returns>
        public bool Apply(ClassroomEvent happened, ISet<string> changed)
        {
            lock (_lock)
            {
                var transaction = happened as TransactionEvent;
                ConnectionFailure? failure = happened as ConnectionFailure ?? transaction?.Failure;
                string address = failure?.Address ?? PeerName.AddressOf(happened.Peer);
                string? device = NamedDevice(happened, transaction, failure);
                if (device != null)
                {
                    Learn(address, device);
                }
                else if (_deviceAt.TryGetValue(address, out string? only) && only != null)
                {
                    device = only;
                }

                if (transaction != null)
                {
                    AddRecent(transaction);
                }

                if (device == null)
                {
                    // Nobody's board: a failure is counted apart; a transaction (a read, a malformed request) is in the feed only.
                    return failure != null && AddUnidentified(failure);
                }

                DeviceView board = DeviceFor(device);
                board.Address = address;
                board.Peer = happened.Peer;
                if (happened.Identity != null)
                {
                    board.Identity = happened.Identity;
                }

                if (board.LastSeen == null || happened.Time > board.LastSeen)
                {
                    board.LastSeen = happened.Time;
                }

                if (transaction != null)
                {
                    ApplyTransaction(board, transaction);
                }

                if (failure != null)
                {
                    board.LastFailure = failure;
                }

                board.Failing = board.LastFailure != null && (board.LastSuccess == null || board.LastFailure.Time > board.LastSuccess);
                changed.Add(board.Key);
                return false;
            }
        }

        /// <summary>Copies of the failures that belong to no known board, the most recent first.</summary>
        /// <returns>The entries.</returns>
        public List<UnidentifiedFailure> Unidentified()
        {
            lock (_lock)
            {
                return _unidentified.Values.OrderByDescending(entry => entry.LastFailure.Time).Select(entry => entry.Copy()).ToList();
            }
        }

        /// <summary>Copies of every board, by device ID.</summary>
        /// <returns>The boards.</returns>
        public List<DeviceView> Devices()
        {
            DateTime now = DateTime.UtcNow;
            lock (_lock)
            {
                return _boards.Values.Select(board => Copy(board, now)).ToList();
            }
        }

        /// <summary>Copies of the given boards.</summary>
        /// <param name="keys">Card keys (unknown ones are skipped).</param>
        /// <returns>The boards.</returns>
        public List<DeviceView> Devices(IEnumerable<string> keys)
        {
            DateTime now = DateTime.UtcNow;
            lock (_lock)
            {
                return keys.Where(_boards.ContainsKey).Select(key => Copy(_boards[key], now)).ToList();
            }
        }

        /// <summary>The last transactions, newest first.</summary>
        /// <returns>The transactions.</returns>
        public List<TransactionEvent> Recent()
        {
            lock (_lock)
            {
                return _recent.ToList();
            }
        }

        /// <summary>The totals now.</summary>
        /// <returns>Boards seen and online, writes, failures by cause.</returns>
        public ClassroomTotals Totals()
        {
            DateTime now = DateTime.UtcNow;
            var totals = new ClassroomTotals
            {
                Writes = _store.CommittedWrites - _writesBefore,
                Failures = _failures?.Total ?? 0,
                OnlineMinutes = OnlineWindow.TotalMinutes,
                ServerTime = now,
            };
            lock (_lock)
            {
                totals.UnidentifiedFailures = _unidentifiedTotal;
                totals.UnidentifiedAddresses = _unidentified.Keys.Select(key => key.Address).Distinct(StringComparer.Ordinal).Count();
                foreach (DeviceView board in _boards.Values)
                {
                    totals.Failing += board.Failing ? 1 : 0;
                    if (board.LastSeen != null)
                    {
                        totals.BoardsSeen++;
                        totals.Online += IsOnline(board, now) ? 1 : 0;
                    }
                    else if (board.Name != null)
                    {
                        totals.RosterNotSeen++;
                    }
                }
            }

            if (_failures != null)
            {
                totals.FailuresByCause.AddRange(FailureCatalog.All
                    .Select(cause => new CauseCount(cause, _failures.Count(cause)))
                    .Where(count => count.Count > 0)
                    .OrderByDescending(count => count.Count));
            }

            return totals;
        }

        // The device an event names by itself: its client certificate's CN, the device of an accepted write, or the device
        // of the WWEP request a failure carries (plain WWEP sent to the TLS port).
        private static string? NamedDevice(ClassroomEvent happened, TransactionEvent? transaction, ConnectionFailure? failure)
        {
            if (happened.Identity != null && DeviceIdentity.TryParseHex(happened.Identity, out int fromCertificate))
            {
                return DeviceIdentity.ToHex(fromCertificate);
            }

            // An accepted write: the reply is the uppercase echo, A DDDD RR VVVV.
            if (transaction != null && IsAcceptedWrite(transaction))
            {
                return transaction.Reply.Substring(1, 4);
            }

            return failure?.Sent != null ? RequestedDevice(failure.Sent) : null;
        }

        // A WWEP request's device: R or W, then 4 hex digits (what follows may be cut or wrong: the ID is what counts).
        private static string? RequestedDevice(string sent)
        {
            if (sent.Length < 5 || "RrWw".IndexOf(sent[0]) < 0)
            {
                return null;
            }

            return DeviceIdentity.TryParseHex(sent.Substring(1, 4), out int device) ? DeviceIdentity.ToHex(device) : null;
        }

        private static bool IsAcceptedWrite(TransactionEvent transaction)
        {
            return transaction.Request.Length > 0 && char.ToUpperInvariant(transaction.Request[0]) == 'W'
                && transaction.Reply.Length == 11 && transaction.Reply[0] == 'A';
        }

        private static bool IsOnline(DeviceView board, DateTime now)
        {
            return board.LastSeen != null && now - board.LastSeen.Value < OnlineWindow;
        }

        private static void SetRegister(DeviceView device, int register, int value)
        {
            device.Registers[register.ToString("X2", CultureInfo.InvariantCulture)] = value.ToString("X4", CultureInfo.InvariantCulture);
            if (register == DeviceView.LedRegister)
            {
                device.Led = value != 0;
            }
        }

        private static DeviceView Copy(DeviceView board, DateTime now)
        {
            var copy = new DeviceView
            {
                Key = board.Key,
                Id = board.Id,
                Name = board.Name,
                Address = board.Address,
                Online = IsOnline(board, now),
                LastSeen = board.LastSeen,
                Led = board.Led,
                LastWrite = board.LastWrite,
                Transport = board.Transport,
                Identity = board.Identity,
                Peer = board.Peer,
                LastFailure = board.LastFailure,
                Failing = board.Failing,
                LastSuccess = board.LastSuccess,
            };
            foreach (KeyValuePair<string, string> register in board.Registers)
            {
                copy.Registers[register.Key] = register.Value;
            }

            return copy;
        }

        private void AddRecent(TransactionEvent transaction)
        {
            _recent.AddFirst(transaction);
            if (_recent.Count > RecentCount)
            {
                _recent.RemoveLast();
            }
        }

        // Counts the failure under its address and cause; keeps at most UnidentifiedKept pairs (the least recent goes).
        private bool AddUnidentified(ConnectionFailure failure)
        {
            _unidentifiedTotal++;
            var key = (failure.Address, failure.Cause);
            if (_unidentified.TryGetValue(key, out UnidentifiedFailure? entry))
            {
                entry.Count++;
                if (failure.Time >= entry.LastFailure.Time)
                {
                    entry.LastFailure = failure;
                }

                return true;
            }

            if (_unidentified.Count >= UnidentifiedKept)
            {
                UnidentifiedFailure oldest = _unidentified.Values.OrderBy(other => other.LastFailure.Time).First();
                _unidentified.Remove((oldest.Address, oldest.Cause));
            }

            _unidentified[key] = new UnidentifiedFailure(failure);
            return true;
        }

        private void ApplyTransaction(DeviceView board, TransactionEvent transaction)
        {
            if (transaction.Reply.Length > 0 && transaction.Reply[0] == 'A')
            {
                board.LastSuccess = transaction.Time;
            }

            if (IsAcceptedWrite(transaction))
            {
                SetRegister(board, int.Parse(transaction.Reply.Substring(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture), int.Parse(transaction.Reply.Substring(7, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                board.LastWrite = transaction.Time;
                board.Transport = transaction.Transport;
                board.Identity = transaction.Identity;
            }
        }

        // The address carried this device: the first device it carries is its own; a second device makes the address
        // stand for no device, so that its unidentified failures stay apart.
        private void Learn(string address, string device)
        {
            if (!_deviceAt.TryGetValue(address, out string? known))
            {
                _deviceAt[address] = device;
            }
            else if (known != null && known != device)
            {
                _deviceAt[address] = null;
            }
        }

        private DeviceView DeviceFor(string id)
        {
            if (!_boards.TryGetValue(id, out DeviceView? device))
            {
                device = new DeviceView { Key = id, Id = id, Name = _roster.NameOf(id) };
                _boards[id] = device;
            }

            return device;
        }
    }
}
