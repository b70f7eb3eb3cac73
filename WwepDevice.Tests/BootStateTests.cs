using nanoFramework.TestFramework;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Settings;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    /// <summary>
    /// After a reset the server and the LED agree: once the network is first up the board stores its boot state (off),
    /// or with LedAtBoot restore reads the stored one and shows it; a press before that wins.
    /// </summary>
    [TestClass]
    public class BootStateTests
    {
        [TestMethod]
        public void OnceTheNetworkIsFirstUpTheOffStateIsStored()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            FakeConnection write = rig.Reply("A02E8050000");

            rig.Controller.OnNetworkUp();
            Assert.IsTrue(rig.Controller.HasPending, "the boot state waits for the worker");
            Assert.IsTrue(rig.Controller.ProcessPending());

            Assert.AreEqual("W02E8050000", write.SentText);
            Assert.AreEqual(1, rig.Controller.Acknowledged);
            Assert.AreEqual(0, rig.Controller.Presses, "no press was made");
            Assert.IsFalse(rig.Controller.HasUndelivered);
            Assert.IsFalse(rig.Led.On);
            Assert.AreEqual("boot: storing LED OFF on the server, so that it agrees with the LED (LedAtBoot off)", rig.Log.Line(0));
            Assert.AreEqual("LED OFF stored on the server (plain, attempt 1)", rig.Log.Line(1));
        }

        [TestMethod]
        public void TheBootStateHasTheSameRetriesAsAPress()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Tls);
            rig.Fail(TransportFailure.ConnectFailed);
            rig.Fail(TransportFailure.ConnectTimeout);
            FakeConnection write = rig.Reply("A02E8050000");

            rig.Controller.OnNetworkUp();
            rig.Signal.Clear();
            rig.Controller.ProcessPending();

            Assert.AreEqual(3, rig.Transport.Connects);
            Assert.AreEqual(3, rig.Transport.CountOf(TransportKind.Tls), "the boot state goes over the first button's transport, TLS here");
            Assert.AreEqual(2, rig.Signal.WaitCount, "a backoff before each retry");
            Assert.IsTrue(rig.Signal.WaitMilliseconds(1) >= rig.Retry.BaseDelay(2) / 2, "the backoff grows as for a press");
            Assert.AreEqual("W02E8050000", write.SentText);
            Assert.AreEqual("LED OFF stored on the server (TLS, attempt 3)", rig.Log.Line(rig.Log.Count - 1));
        }

        [TestMethod]
        public void APressBeforeTheNetworkIsUpWinsAndNoBootStateIsWritten()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            FakeConnection press = rig.Reply("A02E8050001");

            rig.Controller.OnButtonPressed(false);
            rig.Controller.OnNetworkUp();
            Assert.IsTrue(rig.Controller.ProcessPending());
            Assert.IsFalse(rig.Controller.ProcessPending(), "nothing else to send");

            Assert.AreEqual(1, rig.Transport.Connects);
            Assert.AreEqual("W02E8050001", press.SentText);
            Assert.AreEqual(0, rig.Log.CountContaining("boot:"));
            Assert.IsTrue(rig.Led.On);
        }

        [TestMethod]
        public void APressBeforeTheBootStateIsSentReplacesIt()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            FakeConnection press = rig.Reply("A02E8050001");

            rig.Controller.OnNetworkUp();
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();

            Assert.AreEqual(1, rig.Transport.Connects, "newest state wins: the boot state is not sent first");
            Assert.AreEqual("W02E8050001", press.SentText);
        }

        [TestMethod]
        public void TheBootStateIsStoredOnlyAtTheFirstNetworkUp()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Reply("A02E8050000");
            rig.Controller.OnNetworkUp();
            rig.Controller.ProcessPending();

            rig.Controller.OnNetworkUp();

            Assert.IsFalse(rig.Controller.ProcessPending());
            Assert.AreEqual(1, rig.Transport.Connects);
        }

        [TestMethod]
        public void ABootStateNotStoredIsSentWhenTheNetworkReturns()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);

            FakeConnection write = FailThenNetworkReturns(rig, "A02E8050000");

            Assert.AreEqual("W02E8050000", write.SentText);
            Assert.IsFalse(rig.Controller.HasUndelivered);
        }

        [TestMethod]
        public void RestoreReadsTheStoredStateAndShowsIt()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Settings.LedAtBoot = LedAtBoot.Restore;
            FakeConnection read = rig.Reply("A02E8050001");

            rig.Controller.OnNetworkUp();
            rig.Controller.ProcessPending();

            Assert.AreEqual("R02E805", read.SentText);
            Assert.AreEqual(1, rig.Transport.Connects, "read only: nothing is written");
            Assert.IsTrue(rig.Led.On);
            Assert.IsTrue(rig.Controller.LedOn);
            Assert.IsFalse(rig.Controller.HasUndelivered);
            Assert.AreEqual("boot: reading the LED state stored on the server (LedAtBoot restore)", rig.Log.Line(0));
            Assert.AreEqual("LED ON restored from the server (plain, attempt 1)", rig.Log.Line(1));

            FakeConnection press = rig.Reply("A02E8050000");
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();
            Assert.AreEqual("W02E8050000", press.SentText, "the next press toggles the restored state");
        }

        [TestMethod]
        public void RestoreOfARegisterNeverWrittenLeavesTheLedOff()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Settings.LedAtBoot = LedAtBoot.Restore;
            rig.Reply("X Not Found");

            rig.Controller.OnNetworkUp();
            rig.Controller.ProcessPending();

            Assert.IsFalse(rig.Led.On);
            Assert.IsFalse(rig.Controller.LedOn);
            Assert.IsFalse(rig.Controller.HasUndelivered, "an X to a read is an answer: never written");
            Assert.AreEqual(1, rig.Transport.Connects, "no write follows");
            Assert.AreEqual("the server holds no LED state for this device yet (X: never written): the LED stays off (plain, attempt 1)", rig.Log.Line(1));
        }

        [TestMethod]
        public void APressDuringTheRestoreReadWins()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Settings.LedAtBoot = LedAtBoot.Restore;
            rig.Reply("A02E8050000");
            FakeConnection press = rig.Reply("A02E8050001");
            ButtonLedController controller = rig.Controller;
            rig.Transport.OnConnect = delegate(int connect)
            {
                if (connect == 1)
                {
                    controller.OnButtonPressed(false);
                }
            };

            controller.OnNetworkUp();
            controller.ProcessPending();
            Assert.IsTrue(rig.Led.On, "the stored OFF does not undo the press");
            controller.ProcessPending();

            Assert.AreEqual("W02E8050001", press.SentText);
            Assert.IsTrue(controller.LedOn);
            Assert.IsFalse(controller.HasUndelivered);
            Assert.AreEqual(1, rig.Log.CountContaining("the stored LED state came after a press: the press wins"));
        }

        [TestMethod]
        public void AFailedRestoreIsReadAgainWhenTheNetworkReturns()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Settings.LedAtBoot = LedAtBoot.Restore;

            FakeConnection read = FailThenNetworkReturns(rig, "A02E8050001");

            Assert.AreEqual(1, rig.Log.CountContaining("the stored LED state not read after 4 attempts"));
            Assert.AreEqual("R02E805", read.SentText);
            Assert.IsTrue(rig.Led.On);
        }

        [TestMethod]
        public void AReplyForAnotherRegisterIsNotTakenAsTheStoredState()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Settings.LedAtBoot = LedAtBoot.Restore;
            rig.Reply("A02E8060001");

            rig.Controller.OnNetworkUp();
            rig.Controller.ProcessPending();

            Assert.IsFalse(rig.Led.On);
            Assert.IsTrue(rig.Controller.HasUndelivered);
            Assert.IsTrue(rig.Log.Line(1).StartsWith("server answered A02E8060001 to R02E805: not this device's register 05, so the stored state is unknown (attempt 1 of 4"), rig.Log.Line(1));
        }

        [TestMethod]
        public void LedAtBootAndBlinkCodesFromLocalSettingsAreLoggedWithTheirSource()
        {
            WwepSettings compiled = new WwepSettings();
            compiled.LedAtBoot = LedAtBoot.Restore;
            compiled.BlinkCodes = false;

            BoardSettingsOutcome outcome = BoardSettingsLoader.Load(compiled, SettingsFileRead.Missing());

            Assert.IsTrue(outcome.IsUsable);
            Assert.AreEqual("setting LedAtBoot=restore (compiled in, LocalSettings.cs)", outcome.Notes[0]);
            Assert.AreEqual("setting BlinkCodes=false (compiled in, LocalSettings.cs)", outcome.Notes[1]);
            Assert.AreEqual(3, outcome.Notes.Length, "the two, then the line about the settings file");
            Assert.AreEqual((int)LedAtBoot.Off, (int)new WwepSettings().LedAtBoot, "off is the default, as the course asks");
            Assert.IsTrue(new WwepSettings().BlinkCodes);
        }

        // The boot state fails all its attempts; then the network comes back and the next exchange gets the reply.
        private static FakeConnection FailThenNetworkReturns(ControllerRig rig, string reply)
        {
            rig.Fail(TransportFailure.ConnectFailed);
            rig.Controller.OnNetworkUp();
            rig.Controller.ProcessPending();
            Assert.AreEqual(4, rig.Transport.Connects, "all four attempts");
            Assert.IsTrue(rig.Controller.HasUndelivered);

            FakeConnection connection = rig.Reply(reply);
            rig.Controller.OnNetworkUp();
            rig.Controller.ProcessPending();
            return connection;
        }
    }
}
