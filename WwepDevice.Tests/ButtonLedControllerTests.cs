using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    [TestClass]
    public class ButtonLedControllerTests
    {
        private const int DeviceId = 0x02E8;

        [TestMethod]
        public void LedStartsOffAndEachPressTogglesItAtOnce()
        {
            Rig rig = new Rig(LinkMode.Plain);
            Assert.IsFalse(rig.Led.On);
            Assert.IsTrue(rig.Led.Writes >= 1, "the LED is driven off at start, not left floating");
            rig.Controller.OnButtonPressed(false);
            Assert.IsTrue(rig.Led.On, "toggled before any network work");
            Assert.AreEqual(0, rig.Transport.Connects, "the press itself never touches the network");
            rig.Controller.OnButtonPressed(false);
            Assert.IsFalse(rig.Led.On);
            Assert.AreEqual(2, rig.Signal.Sets, "each press wakes the worker");
        }

        [TestMethod]
        public void APressIsSentAsTheNewState()
        {
            Rig rig = new Rig(LinkMode.Plain);
            rig.Transport.Enqueue(new FakeConnection(Ascii.Bytes("A02E8050001"), ReplyScript.ReplyThenClose));
            rig.Controller.OnButtonPressed(false);
            Assert.IsTrue(rig.Controller.ProcessPending());
            Assert.AreEqual(1, rig.Controller.Acknowledged);
            Assert.IsFalse(rig.Controller.HasUndelivered);
            Assert.AreEqual("LED ON stored on the server (plain, attempt 1)", rig.Log.Line(rig.Log.Count - 1));
            Assert.IsFalse(rig.Controller.ProcessPending(), "nothing left to send");
        }

        [TestMethod]
        public void PressesDuringASendCollapseIntoOneSendOfTheNewestState()
        {
            Rig rig = new Rig(LinkMode.Plain);
            FakeConnection first = new FakeConnection(Ascii.Bytes("A02E8050001"), ReplyScript.ReplyThenClose);
            FakeConnection second = new FakeConnection(Ascii.Bytes("A02E8050000"), ReplyScript.ReplyThenClose);
            rig.Transport.Enqueue(first);
            rig.Transport.Enqueue(second);
            ButtonLedController controller = rig.Controller;

            // Three presses while the first send is on the wire: ON -> OFF -> ON -> OFF.
            rig.Transport.OnConnect = delegate(int connect)
            {
                if (connect == 1)
                {
                    controller.OnButtonPressed(false);
                    controller.OnButtonPressed(false);
                    controller.OnButtonPressed(false);
                }
            };

            controller.OnButtonPressed(false);
            Assert.IsTrue(controller.ProcessPending());
            Assert.AreEqual("W02E8050001", first.SentText);
            Assert.IsTrue(controller.HasPending, "the presses during the send left one pending state");
            Assert.IsTrue(controller.ProcessPending());
            Assert.IsFalse(controller.ProcessPending());
            Assert.AreEqual(2, rig.Transport.Connects, "four presses, two sends");
            Assert.AreEqual("W02E8050000", second.SentText);
            Assert.IsFalse(rig.Led.On);
            Assert.IsFalse(controller.HasUndelivered);
        }

        [TestMethod]
        public void FailuresAreRetriedWithGrowingBackoffThenReported()
        {
            Rig rig = new Rig(LinkMode.Plain);
            rig.Transport.Enqueue(new WwepTransportException(TransportFailure.ConnectFailed, TransportMessages.ConnectFailed("10.0.0.9", 27708, "refused")));
            rig.Controller.OnButtonPressed(false);
            rig.Signal.Clear();
            Assert.IsTrue(rig.Controller.ProcessPending());
            Assert.AreEqual(4, rig.Transport.Connects, "MaxAttempts is 4 in this rig");
            Assert.AreEqual(3, rig.Signal.WaitCount, "a backoff between attempts, none after the last");
            for (int i = 0; i < 3; i++)
            {
                int full = rig.Retry.BaseDelay(i + 1);
                int waited = rig.Signal.WaitMilliseconds(i);
                Assert.IsTrue(waited >= full / 2 && waited <= full, "wait " + i.ToString() + " was " + waited.ToString());
            }

            Assert.IsTrue(rig.Signal.WaitMilliseconds(2) > rig.Signal.WaitMilliseconds(0), "backoff grows");
            Assert.IsTrue(rig.Controller.HasUndelivered);
            Assert.AreEqual("LED ON not stored after 4 attempts; the next press or the network's return tries again", rig.Log.Line(rig.Log.Count - 1));
            Assert.AreEqual((int)LogLevel.Error, (int)rig.Log.Level(rig.Log.Count - 1));
            Assert.IsTrue(rig.Log.Line(0).IndexOf("(attempt 1 of 4, retrying in ") > 0, rig.Log.Line(0));
        }

        [TestMethod]
        public void TlsFailuresAreNeverRetriedInTheClear()
        {
            Rig rig = new Rig(LinkMode.Tls);
            rig.Transport.Enqueue(new WwepTransportException(TransportFailure.TlsHandshake, TlsFailureCause.HandshakeReset, "handshake reset"));
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();
            Assert.AreEqual(8, rig.Transport.Connects);
            Assert.AreEqual(8, rig.Transport.CountOf(TransportKind.Tls));
            Assert.AreEqual(0, rig.Transport.CountOf(TransportKind.Plain), "no plain connection ever, when TLS is configured");
        }

        [TestMethod]
        public void PermanentTlsProblemsAreReportedOnceWithoutRetries()
        {
            Rig rig = new Rig(LinkMode.Tls);
            rig.Transport.Enqueue(new WwepTransportException(TransportFailure.TlsHandshake, TlsFailureCause.NameMismatch, "TLS handshake with wwep.local:40508 failed [x]: name mismatch"));
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();
            Assert.AreEqual(1, rig.Transport.Connects, "retrying a certificate mismatch cannot help");
            Assert.AreEqual("TLS handshake with wwep.local:40508 failed [x]: name mismatch", rig.Log.Line(0));
            Assert.IsTrue(rig.Log.Line(1).IndexOf("until the cause above is fixed") > 0, rig.Log.Line(1));
        }

        [TestMethod]
        public void APressDuringBackoffSendsTheNewerStateWithFreshAttempts()
        {
            Rig rig = new Rig(LinkMode.Plain);
            rig.Transport.Enqueue(new WwepTransportException(TransportFailure.ConnectTimeout, "timeout"));
            FakeConnection ok = new FakeConnection(Ascii.Bytes("A02E8050000"), ReplyScript.ReplyThenClose);
            rig.Transport.Enqueue(ok);
            ButtonLedController controller = rig.Controller;
            rig.Signal.DuringWait = delegate(int wait)
            {
                if (wait == 1)
                {
                    controller.OnButtonPressed(false);
                }
            };

            controller.OnButtonPressed(false);
            rig.Signal.Clear();
            Assert.IsTrue(controller.ProcessPending());
            Assert.AreEqual(2, rig.Transport.Connects);
            Assert.AreEqual("W02E8050000", ok.SentText);
            Assert.IsFalse(controller.HasUndelivered);
        }

        [TestMethod]
        public void NetworkReturnResendsTheUndeliveredState()
        {
            Rig rig = new Rig(LinkMode.Plain);
            rig.Transport.Enqueue(new WwepTransportException(TransportFailure.NetworkDown, TransportMessages.NetworkDown()));
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();
            Assert.IsTrue(rig.Controller.HasUndelivered);

            rig.Transport.Enqueue(new FakeConnection(Ascii.Bytes("A02E8050001"), ReplyScript.ReplyThenClose));
            rig.Controller.OnNetworkAvailable();
            Assert.IsTrue(rig.Controller.ProcessPending());
            Assert.IsFalse(rig.Controller.HasUndelivered);
            Assert.AreEqual(1, rig.Controller.Acknowledged);
        }

        [TestMethod]
        public void NetworkReturnWithNothingUndeliveredSendsNothing()
        {
            Rig rig = new Rig(LinkMode.Plain);
            rig.Controller.OnNetworkAvailable();
            Assert.IsFalse(rig.Controller.ProcessPending());
            Assert.AreEqual(0, rig.Transport.Connects);
        }

        [TestMethod]
        public void TwoButtonModeSendsEachButtonOnItsOwnTransport()
        {
            Rig rig = new Rig(LinkMode.TwoButton);
            rig.Transport.Enqueue(new FakeConnection(Ascii.Bytes("A02E8050001"), ReplyScript.ReplyThenClose));
            rig.Transport.Enqueue(new FakeConnection(Ascii.Bytes("A02E8050000"), ReplyScript.ReplyThenClose));
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();
            rig.Controller.OnButtonPressed(true);
            rig.Controller.ProcessPending();
            Assert.AreEqual((int)TransportKind.Plain, (int)rig.Transport.Kind(0));
            Assert.AreEqual((int)TransportKind.Tls, (int)rig.Transport.Kind(1));
        }

        [TestMethod]
        public void WorkerThreadDeliversPressesAndStops()
        {
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(new FakeConnection(Ascii.Bytes("A02E8050001"), ReplyScript.ReplyThenClose));
            WwepSettings settings = new WwepSettings();
            settings.Mode = LinkMode.Plain;
            RecordingLog log = new RecordingLog();
            ButtonLedController controller = new ButtonLedController(
                settings,
                new FakeLed(),
                new LedStateSender(transport, FakeClock.Synced(), settings, DeviceId),
                new RetryPolicy(2, 10, 20, new Random(1)),
                new AutoResetSignal(),
                log);
            controller.Start();
            controller.OnButtonPressed(false);
            for (int i = 0; i < 200 && controller.Acknowledged == 0; i++)
            {
                System.Threading.Thread.Sleep(10);
            }

            controller.Stop(2000);
            Assert.AreEqual(1, controller.Acknowledged, "the worker thread sent the press");
        }

        private sealed class Rig
        {
            public Rig(LinkMode mode)
            {
                WwepSettings settings = new WwepSettings();
                settings.Mode = mode;
                settings.SecondButtonPin = 4;
                Led = new FakeLed();
                Transport = new FakeTransport();
                Signal = new FakeSignal();
                Log = new RecordingLog();
                Retry = new RetryPolicy(4, 500, 4000, new Random(11));
                Controller = new ButtonLedController(settings, Led, new LedStateSender(Transport, FakeClock.Synced(), settings, DeviceId), Retry, Signal, Log);
            }

            public FakeLed Led { get; private set; }

            public FakeTransport Transport { get; private set; }

            public FakeSignal Signal { get; private set; }

            public RecordingLog Log { get; private set; }

            public RetryPolicy Retry { get; private set; }

            public ButtonLedController Controller { get; private set; }
        }
    }
}
