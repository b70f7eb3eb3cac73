using System;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Settings;

namespace WwepDevice.Tests.Fakes
{
    /// <summary>
    /// The controller wired as the board wires it, with fakes for every platform part: a scripted transport, a wait
    /// signal that never blocks, a stepped blink timer and an LED that keeps its history.
    /// </summary>
    public sealed class ControllerRig
    {
        /// <summary>The device ID of the rig (the project's device certificate's CN).</summary>
        public const int DeviceId = 0x02E8;

        private ButtonLedController _controller;

        /// <summary>Creates the rig; change <see cref="Settings"/> before the first use of <see cref="Controller"/>.</summary>
        /// <param name="mode">Plain, TLS or two-button.</param>
        public ControllerRig(LinkMode mode)
        {
            Settings = new WwepSettings();
            Settings.Mode = mode;
            Settings.SecondButtonPin = 4;
            Led = new RecordingLed();
            Timer = new FakeTimer();
            Transport = new FakeTransport();
            Signal = new FakeSignal();
            Log = new RecordingLog();
            Clock = FakeClock.Synced();
            Retry = new RetryPolicy(4, 500, 4000, new Random(11));
        }

        /// <summary>The settings (4 attempts).</summary>
        public WwepSettings Settings { get; private set; }

        /// <summary>The LED.</summary>
        public RecordingLed Led { get; private set; }

        /// <summary>The blink timer.</summary>
        public FakeTimer Timer { get; private set; }

        /// <summary>The transport.</summary>
        public FakeTransport Transport { get; private set; }

        /// <summary>The worker's signal.</summary>
        public FakeSignal Signal { get; private set; }

        /// <summary>The log.</summary>
        public RecordingLog Log { get; private set; }

        /// <summary>The device clock (set).</summary>
        public FakeClock Clock { get; private set; }

        /// <summary>The backoff.</summary>
        public RetryPolicy Retry { get; private set; }

        /// <summary>The controller, made at the first use.</summary>
        public ButtonLedController Controller
        {
            get
            {
                if (_controller == null)
                {
                    _controller = new ButtonLedController(Settings, new StatusLed(Led, Timer), new LedStateSender(Transport, Clock, Settings, DeviceId), Retry, Signal, Log);
                }

                return _controller;
            }
        }

        /// <summary>Queues a reply on a connection that then closes.</summary>
        /// <param name="reply">The reply text, for example <c>A02E8050001</c>.</param>
        /// <returns>The connection, to read what was sent on it.</returns>
        public FakeConnection Reply(string reply)
        {
            FakeConnection connection = new FakeConnection(Ascii.Bytes(reply), ReplyScript.ReplyThenClose);
            Transport.Enqueue(connection);
            return connection;
        }

        /// <summary>Queues a failure to connect.</summary>
        /// <param name="failure">What failed.</param>
        public void Fail(TransportFailure failure)
        {
            Transport.Enqueue(new WwepTransportException(failure, "fake " + failure.ToString()));
        }
    }
}
