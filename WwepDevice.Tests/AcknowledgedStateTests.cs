using nanoFramework.TestFramework;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Settings;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    /// <summary>
    /// A final state equal to the last one the server acknowledged is not sent again (no connection, on TLS no
    /// handshake that stops every thread); every other state goes out, and so does the first one after the server's
    /// state became unknown.
    /// </summary>
    [TestClass]
    public class AcknowledgedStateTests
    {
        [TestMethod]
        public void PressesThatEndWhereTheSlowSendBeganSendNothingMore()
        {
            // On the real runtime: ON pressed, then OFF and ON during its one slow TLS handshake.
            ControllerRig rig = new ControllerRig(LinkMode.Tls);
            FakeConnection on = rig.Reply("A02E8050001");
            ButtonLedController controller = rig.Controller;
            rig.Transport.OnConnect = delegate(int connect)
            {
                if (connect == 1)
                {
                    controller.OnButtonPressed(false);
                    controller.OnButtonPressed(false);
                }
            };

            controller.OnButtonPressed(false);
            controller.ProcessPending();
            Assert.IsTrue(controller.HasPending, "the two presses left ON pending");
            Assert.IsTrue(controller.ProcessPending());
            Assert.IsFalse(controller.ProcessPending());

            Assert.AreEqual(1, rig.Transport.Connects, "one handshake, for the one state the server did not have");
            Assert.AreEqual("W02E8050001", on.SentText);
            Assert.IsTrue(rig.Led.On);
            Assert.IsFalse(controller.HasUndelivered, "the server holds what the LED shows");
            Assert.AreEqual(3, controller.Presses);
            Assert.AreEqual(1, controller.Sends);
        }

        [TestMethod]
        public void AStateThatDiffersFromTheAcknowledgedOneStillGoesOut()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Reply("A02E8050001");
            FakeConnection off = rig.Reply("A02E8050000");
            ButtonLedController controller = rig.Controller;
            controller.OnButtonPressed(false);
            controller.ProcessPending();

            controller.OnButtonPressed(false);
            controller.OnButtonPressed(false);
            controller.OnButtonPressed(false);
            controller.ProcessPending();

            Assert.AreEqual(2, rig.Transport.Connects);
            Assert.AreEqual("W02E8050000", off.SentText);
        }

        [TestMethod]
        public void AfterABootTheFirstStateIsSentThoughItMatchesTheLed()
        {
            // Nothing is known about the server at boot: the off state goes out, and then is known.
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            FakeConnection boot = rig.Reply("A02E8050000");
            rig.Controller.OnNetworkUp();
            rig.Controller.ProcessPending();
            Assert.AreEqual("W02E8050000", boot.SentText);

            rig.Controller.OnButtonPressed(false);
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();

            Assert.AreEqual(1, rig.Transport.Connects, "back to OFF, which the server acknowledged");
        }

        [TestMethod]
        public void AfterAFailedWriteTheServersStateIsUnknownAndTheNextStateGoesOut()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Reply("A02E8050001");
            for (int attempt = 0; attempt < rig.Retry.MaxAttempts; attempt++)
            {
                rig.Transport.Enqueue(new WwepTransportException(TransportFailure.ReplyTimeout, TransportMessages.ReplyTimeout("wwep.local", 27708, 3000)));
            }

            FakeConnection again = rig.Reply("A02E8050001");
            ButtonLedController controller = rig.Controller;
            controller.OnButtonPressed(false);
            controller.ProcessPending();

            // OFF times out after the request went out: the server may hold OFF or still ON.
            controller.OnButtonPressed(false);
            controller.ProcessPending();
            Assert.IsTrue(controller.HasUndelivered);
            controller.OnButtonPressed(false);
            controller.ProcessPending();

            Assert.AreEqual("W02E8050001", again.SentText, "ON is sent again: the server's state was unknown");
            Assert.IsFalse(controller.HasUndelivered);
        }

        [TestMethod]
        public void AStateReadAtBootCountsAsAcknowledged()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Settings.LedAtBoot = LedAtBoot.Restore;
            rig.Reply("A02E8050001");
            rig.Controller.OnNetworkUp();
            rig.Controller.ProcessPending();

            rig.Controller.OnButtonPressed(false);
            rig.Controller.OnButtonPressed(false);
            Assert.IsTrue(rig.Controller.ProcessPending());

            Assert.AreEqual(1, rig.Transport.Connects, "the server already holds ON");
            Assert.IsTrue(rig.Led.On);
        }

        [TestMethod]
        public void ARegisterNeverWrittenIsNotAnAcknowledgedOff()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Settings.LedAtBoot = LedAtBoot.Restore;
            rig.Reply("X");
            FakeConnection off = rig.Reply("A02E8050000");
            rig.Controller.OnNetworkUp();
            rig.Controller.ProcessPending();

            rig.Controller.OnButtonPressed(false);
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();

            Assert.AreEqual("W02E8050000", off.SentText, "the server had nothing: OFF is sent");
        }

        [TestMethod]
        public void AWriteNeverAttemptedForAnUnsetClockLeavesTheServersStateKnown()
        {
            // Fault simulation seed 77: OFF stored in the clear; ON on the TLS button while the clock is unset never
            // leaves the device; the next press makes OFF, which the server holds: no handshake for it.
            ControllerRig rig = new ControllerRig(LinkMode.TwoButton);
            rig.Reply("A02E8050000");
            ButtonLedController controller = rig.Controller;
            controller.OnNetworkUp();
            controller.ProcessPending();
            rig.Clock.UtcNow = new System.DateTime(1970, 1, 1, 0, 0, 16);
            controller.OnButtonPressed(true);
            controller.ProcessPending();
            Assert.IsTrue(controller.HasUndelivered, "ON is not sent while the clock is unset");
            Assert.AreEqual(1, rig.Transport.Connects);

            controller.OnButtonPressed(true);
            Assert.IsTrue(controller.ProcessPending());

            Assert.AreEqual(1, rig.Transport.Connects, "only the boot write reached the network");
            Assert.IsFalse(controller.HasUndelivered, "the server holds the OFF the LED shows");
        }

        [TestMethod]
        public void ANewerStateTakenInABackoffIsNotSentWhenTheServerHoldsIt()
        {
            // Fault simulation seed 768: OFF stored in the clear; ON on the TLS button waits for the clock; a press
            // of the plain button then makes OFF again, which the server holds: no connection for it. (Found when an
            // unset clock still cost backoffs; since issue 23 it costs none, and the kept ON must not forget the OFF.)
            ControllerRig rig = new ControllerRig(LinkMode.TwoButton);
            rig.Reply("A02E8050000");
            ButtonLedController controller = rig.Controller;
            controller.OnNetworkUp();
            controller.ProcessPending();
            rig.Clock.UtcNow = new System.DateTime(1970, 1, 1, 0, 0, 16);

            controller.OnButtonPressed(true);
            rig.Signal.Clear();
            controller.ProcessPending();
            Assert.AreEqual(0, rig.Signal.WaitCount, "no backoff for an unset clock");
            Assert.IsTrue(controller.HasUndelivered, "the ON is kept for the clock");

            controller.OnButtonPressed(false);
            controller.ProcessPending();

            Assert.AreEqual(1, rig.Transport.Connects, "only the boot write reached the network");
            Assert.IsFalse(controller.HasUndelivered, "the server holds the OFF the LED shows");
            Assert.IsFalse(controller.IsSending);
        }
    }
}
