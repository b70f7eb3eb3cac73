using nanoFramework.TestFramework;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    /// <summary>
    /// While the network is known to be down (the network events say so, or the transport, which learns it from them),
    /// the worker waits for it instead of spending attempts and printing ERROR lines; the state is kept and sent when
    /// the network returns.
    /// </summary>
    [TestClass]
    public class NetworkDownTests
    {
        [TestMethod]
        public void WhileTheNetworkIsDownNoAttemptIsSpentAndTheStateWaits()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Tls);
            rig.Controller.OnNetworkDown();
            rig.Controller.OnButtonPressed(false);
            rig.Signal.Clear();

            Assert.IsTrue(rig.Controller.ProcessPending());

            Assert.AreEqual(0, rig.Transport.Connects);
            Assert.AreEqual(0, rig.Signal.WaitCount, "no backoff either");
            Assert.AreEqual(0, ErrorLines(rig.Log));
            Assert.AreEqual(2, rig.Log.Count, "the wait, then the code it shows");
            Assert.AreEqual(TransportMessages.NetworkDown(), rig.Log.Line(0));
            Assert.AreEqual("LED blink 2: network or Wi-Fi down", rig.Log.Line(1));
            Assert.IsTrue(rig.Controller.HasUndelivered, "kept");
            Assert.AreEqual(BlinkCodes.Network, rig.Controller.BlinkCode);

            FakeConnection sent = rig.Reply("A02E8050001");
            rig.Controller.OnNetworkUp();
            rig.Controller.ProcessPending();
            Assert.AreEqual("W02E8050001", sent.SentText);
            Assert.IsFalse(rig.Controller.HasUndelivered);
            Assert.AreEqual(BlinkCodes.None, rig.Controller.BlinkCode);
        }

        [TestMethod]
        public void ALossDuringTheBackoffEndsTheAttempts()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Fail(TransportFailure.ConnectFailed);
            ButtonLedController controller = rig.Controller;
            rig.Signal.DuringWait = delegate(int wait)
            {
                if (wait == 1)
                {
                    controller.OnNetworkDown();
                }
            };
            controller.OnButtonPressed(false);
            rig.Signal.Clear();

            controller.ProcessPending();

            Assert.AreEqual(1, rig.Transport.Connects, "the attempt before the loss, none after");
            Assert.AreEqual(0, ErrorLines(rig.Log));
            Assert.AreEqual(TransportMessages.NetworkDown(), rig.Log.Line(rig.Log.Count - 2));
            Assert.IsTrue(controller.HasUndelivered);
        }

        [TestMethod]
        public void TheTransportSayingNetworkDownEndsTheAttemptsToo()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Transport.Enqueue(new WwepTransportException(TransportFailure.NetworkDown, TransportMessages.NetworkDown()));

            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();

            Assert.AreEqual(1, rig.Transport.Connects, "not four");
            Assert.AreEqual(0, ErrorLines(rig.Log));
            Assert.IsTrue(rig.Controller.HasUndelivered);
        }

        [TestMethod]
        public void PressesWhileDownAreKeptAndOnlyTheNewestGoesOut()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            WwepSettings settings = rig.Settings;
            ServerAddressCache addresses = new ServerAddressCache(settings, delegate(string host) { return new string[] { "192.168.4.2" }; }, rig.Clock, new RecordingLog());
            NetworkEvents network = new NetworkEvents(delegate(bool up) { }, addresses, null, rig.Controller);
            FakeConnection sent = rig.Reply("A02E8050001");
            network.OnChanged(false);

            for (int press = 0; press < 3; press++)
            {
                rig.Controller.OnButtonPressed(false);
                rig.Controller.ProcessPending();
            }

            Assert.AreEqual(0, rig.Transport.Connects);
            network.OnChanged(true);
            Assert.IsTrue(rig.Controller.ProcessPending());
            Assert.IsFalse(rig.Controller.ProcessPending());

            Assert.AreEqual(1, rig.Transport.Connects);
            Assert.AreEqual("W02E8050001", sent.SentText);
            Assert.AreEqual(1, rig.Log.CountContaining("network is back: sending the undelivered LED state ON"));
        }

        [TestMethod]
        public void AfterANetworkLossTheAcknowledgedStateIsSentAgain()
        {
            // The server may have restarted while the board was away: what it holds is unknown again.
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Reply("A02E8050001");
            FakeConnection again = rig.Reply("A02E8050001");
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();

            rig.Controller.OnNetworkDown();
            rig.Controller.OnNetworkUp();
            rig.Controller.OnButtonPressed(false);
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();

            Assert.AreEqual(2, rig.Transport.Connects);
            Assert.AreEqual("W02E8050001", again.SentText);
        }

        private static int ErrorLines(RecordingLog log)
        {
            int errors = 0;
            for (int i = 0; i < log.Count; i++)
            {
                if (log.Level(i) == LogLevel.Error)
                {
                    errors++;
                }
            }

            return errors;
        }
    }
}
