using System.Threading;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Press;

namespace WwepDevice.Core.Network
{
    /// <summary>
    /// What the device does when the network comes and goes: a fresh server address per network-up, the boot state
    /// stored or read the first time, the undelivered LED state sent again, and (when a button uses TLS) the clock set before the TLS retry that needs it.
    /// </summary>
    public sealed class NetworkEvents
    {
        private readonly object _sync = new object();
        private readonly NetworkStateChanged _transportState;
        private readonly ServerAddressCache _addresses;
        private readonly ClockSync _clock;
        private readonly ButtonLedController _controller;
        private bool _clockRunning;
        private bool _up;

        /// <summary>Creates the reactions.</summary>
        /// <param name="transportState">Tells the transport whether to try connections at all.</param>
        /// <param name="addresses">Forgotten on every change, so each network-up looks the server up once.</param>
        /// <param name="clock">Sets the clock for TLS; null when no button uses TLS.</param>
        /// <param name="controller">Sends the undelivered state again.</param>
        public NetworkEvents(NetworkStateChanged transportState, ServerAddressCache addresses, ClockSync clock, ButtonLedController controller)
        {
            _transportState = transportState;
            _addresses = addresses;
            _clock = clock;
            _controller = controller;
        }

        /// <summary>Whether the network is up, as the last change said (false before the first).</summary>
        public bool IsUp
        {
            get
            {
                lock (_sync)
                {
                    return _up;
                }
            }
        }

        /// <summary>A <see cref="NetworkStateChanged"/> for <see cref="WifiLink"/>.</summary>
        /// <param name="up">Whether the network is now up.</param>
        public void OnChanged(bool up)
        {
            lock (_sync)
            {
                _up = up;
            }

            _addresses.Forget();
            _transportState(up);
            if (!up)
            {
                _controller.OnNetworkDown();
                if (_clock != null)
                {
                    _clock.OnNetworkDown();
                }

                return;
            }

            _controller.OnNetworkUp();
            if (_clock == null || _clock.ClockIsSet)
            {
                return;
            }

            lock (_sync)
            {
                if (_clockRunning)
                {
                    return;
                }

                _clockRunning = true;
            }

            // Its waits and UDP queries must hold up neither the Wi-Fi thread nor the button.
            new Thread(SetClock).Start();
        }

        /// <summary>Sets the clock while the network is up, then sends the state a TLS attempt could not. Public for tests.</summary>
        public void SetClock()
        {
            try
            {
                if (_clock.RunWhileNetworkUp())
                {
                    _controller.OnClockSet();
                }
            }
            finally
            {
                lock (_sync)
                {
                    _clockRunning = false;
                }
            }
        }
    }
}
