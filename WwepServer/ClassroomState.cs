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
    /// is its device ID when its client certificate or its writes name one; a client that never named a device is its
    /// address. An address that has carried one device's traffic stands for that device (its failures go on that card);
    /// one that has carried several (a PC running simulators, a NAT) stands for itself. HTTP requests read copies under
    /// the same lock, so the page never sees half an update.
    /// </summary>
    public sealed class ClassroomState
    {
        /// <summary>Transactions kept for the page's feed.</summary>
        public const int RecentCount = 50;

        /// <summary>A board seen within this long is online.</summary>
        public static readonly TimeSpan OnlineWindow = TimeSpan.FromMinutes(5);

        private readonly object _lock = new object();
        // Devices by ID first, then the boards known only by their address.
        private readonly SortedDictionary<string, DeviceView> _boards = new SortedDictionary<string, DeviceView>(Comparer<string>.Create(
            (a, b) => IsDeviceKey(a) != IsDeviceKey(b) ? (IsDeviceKey(a) ? -1 : 1) : string.CompareOrdinal(a, b)));

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
        /// last failure; a transaction joins the feed.
        /// </summary>
        /// <param name="happened">A transaction or a failure.</param>
        /// <param name="changed">Receives the keys of the cards that changed.</param>
        /// <param name="removed">Receives the keys of cards that were folded into their device's card.</param>
        public void Apply(ClassroomEvent happened, ISet<string> changed, ISet<string> removed)
        {
            lock (_lock)
            {
                var transaction = happened as TransactionEvent;
                ConnectionFailure? failure = happened as ConnectionFailure ?? transaction?.Failure;
                string address = failure?.Address ?? PeerName.AddressOf(happened.Peer);
                string? device = NamedDevice(happened, transaction);
                if (device != null)
                {
                    Learn(address, device, changed, removed);
                }
                else if (_deviceAt.TryGetValue(address, out string? only) && only != null)
                {
                    device = only;
                }

                DeviceView board = device != null ? DeviceFor(device) : AddressCard(address);
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
            }
        }

        /// <summary>Copies of every board: devices by ID, then addresses.</summary>
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
                foreach (DeviceView board in _boards.Values)
                {
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

        // The device an event names by itself: its client certificate's CN, or the device of an accepted write.
        private static string? NamedDevice(ClassroomEvent happened, TransactionEvent? transaction)
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

            return null;
        }

        private static bool IsDeviceKey(string key)
        {
            return DeviceIdentity.TryParseHex(key, out _);
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

        private void ApplyTransaction(DeviceView board, TransactionEvent transaction)
        {
            _recent.AddFirst(transaction);
            if (_recent.Count > RecentCount)
            {
                _recent.RemoveLast();
            }

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

        // The address carried this device: the first device it carries is its own, and a card the address had of its
        // own until then is folded into the device's; a second device makes the address stand for itself.
        private void Learn(string address, string device, ISet<string> changed, ISet<string> removed)
        {
            if (!_deviceAt.TryGetValue(address, out string? known))
            {
                _deviceAt[address] = device;
                if (_boards.TryGetValue(address, out DeviceView? card) && card.Id == null)
                {
                    Fold(card, DeviceFor(device));
                    _boards.Remove(address);
                    changed.Remove(address);
                    removed.Add(address);
                }
            }
            else if (known != null && known != device)
            {
                _deviceAt[address] = null;
            }
        }

        // What the address's own card knew goes to the device's card, unless the device knows something newer.
        private static void Fold(DeviceView from, DeviceView into)
        {
            if (from.LastFailure != null && (into.LastFailure == null || from.LastFailure.Time > into.LastFailure.Time))
            {
                into.LastFailure = from.LastFailure;
            }

            if (from.LastSeen != null && (into.LastSeen == null || from.LastSeen > into.LastSeen))
            {
                into.LastSeen = from.LastSeen;
            }

            into.Identity ??= from.Identity;
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

        private DeviceView AddressCard(string address)
        {
            if (!_boards.TryGetValue(address, out DeviceView? card))
            {
                card = new DeviceView { Key = address, Address = address };
                _boards[address] = card;
            }

            return card;
        }
    }
}
