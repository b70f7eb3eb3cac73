using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace WwepServer
{
    /// <summary>
    /// Every device seen and the last transactions, built from the live feed by the view's one background task.
    /// HTTP requests read copies under the same lock, so the page never sees half an update.
    /// </summary>
    public sealed class ClassroomState
    {
        /// <summary>Transactions kept for the page's feed.</summary>
        public const int RecentCount = 50;

        private readonly object _lock = new object();
        private readonly SortedDictionary<string, DeviceView> _devices = new SortedDictionary<string, DeviceView>(StringComparer.Ordinal);
        private readonly LinkedList<TransactionEvent> _recent = new LinkedList<TransactionEvent>();

        /// <summary>Starts with the registers already stored (their last write time is unknown).</summary>
        /// <param name="store">The register store.</param>
        public ClassroomState(RegisterStore store)
        {
            foreach (int device in store.WrittenDevices())
            {
                for (int register = 0; register <= 0xFF; register++)
                {
                    if (store.TryRead(device, register, out int value))
                    {
                        SetRegister(DeviceFor(device.ToString("X4", CultureInfo.InvariantCulture)), register, value);
                    }
                }
            }
        }

        /// <summary>Applies one transaction: an accepted write updates its device; every transaction joins the feed.</summary>
        /// <param name="transaction">The transaction.</param>
        /// <returns>The ID of the device it changed, or null.</returns>
        public string? Apply(TransactionEvent transaction)
        {
            lock (_lock)
            {
                _recent.AddFirst(transaction);
                if (_recent.Count > RecentCount)
                {
                    _recent.RemoveLast();
                }

                // An accepted write: the reply is the uppercase echo, A DDDD RR VVVV.
                if (transaction.Request.Length > 0 && char.ToUpperInvariant(transaction.Request[0]) == 'W'
                    && transaction.Reply.Length == 11 && transaction.Reply[0] == 'A')
                {
                    DeviceView device = DeviceFor(transaction.Reply.Substring(1, 4));
                    SetRegister(device, int.Parse(transaction.Reply.Substring(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture), int.Parse(transaction.Reply.Substring(7, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    device.LastWrite = transaction.Time;
                    device.Transport = transaction.Transport;
                    device.Identity = transaction.Identity;
                    device.Peer = transaction.Peer;
                    return device.Id;
                }

                return null;
            }
        }

        /// <summary>Copies of every device, by ID.</summary>
        /// <returns>The devices.</returns>
        public List<DeviceView> Devices()
        {
            lock (_lock)
            {
                return _devices.Values.Select(Copy).ToList();
            }
        }

        /// <summary>Copies of the given devices.</summary>
        /// <param name="ids">Device IDs (unknown ones are skipped).</param>
        /// <returns>The devices.</returns>
        public List<DeviceView> Devices(IEnumerable<string> ids)
        {
            lock (_lock)
            {
                return ids.Where(_devices.ContainsKey).Select(id => Copy(_devices[id])).ToList();
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

        private static void SetRegister(DeviceView device, int register, int value)
        {
            device.Registers[register.ToString("X2", CultureInfo.InvariantCulture)] = value.ToString("X4", CultureInfo.InvariantCulture);
            if (register == DeviceView.LedRegister)
            {
                device.Led = value != 0;
            }
        }

        private static DeviceView Copy(DeviceView device)
        {
            var copy = new DeviceView
            {
                Id = device.Id,
                Led = device.Led,
                LastWrite = device.LastWrite,
                Transport = device.Transport,
                Identity = device.Identity,
                Peer = device.Peer,
            };
            foreach (KeyValuePair<string, string> register in device.Registers)
            {
                copy.Registers[register.Key] = register.Value;
            }

            return copy;
        }

        private DeviceView DeviceFor(string id)
        {
            if (!_devices.TryGetValue(id, out DeviceView? device))
            {
                device = new DeviceView { Id = id };
                _devices[id] = device;
            }

            return device;
        }
    }
}
