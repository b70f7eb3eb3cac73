using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    /// <summary>
    /// A state finally not delivered shows on the LED: the class of the failure as a blink code, then the state again,
    /// every minute until a send succeeds. The steps come from the core's timer (stepped by hand here), so a press is
    /// never held up and cancels the code at once.
    /// </summary>
    [TestClass]
    public class BlinkCodeTests
    {
        [TestMethod]
        public void EveryClassOfFailureHasItsCode()
        {
            Assert.AreEqual(BlinkCodes.Network, BlinkCodes.For(SendOutcome.TransportFailed, TransportFailure.NetworkDown, TlsFailureCause.Unknown));
            Assert.AreEqual(BlinkCodes.ServerUnreachable, BlinkCodes.For(SendOutcome.TransportFailed, TransportFailure.NameNotResolved, TlsFailureCause.Unknown));
            Assert.AreEqual(BlinkCodes.ServerUnreachable, BlinkCodes.For(SendOutcome.TransportFailed, TransportFailure.ConnectFailed, TlsFailureCause.Unknown));
            Assert.AreEqual(BlinkCodes.ServerUnreachable, BlinkCodes.For(SendOutcome.TransportFailed, TransportFailure.ConnectTimeout, TlsFailureCause.Unknown));
            Assert.AreEqual(BlinkCodes.ServerUnreachable, BlinkCodes.For(SendOutcome.TransportFailed, TransportFailure.ReplyTimeout, TlsFailureCause.Unknown));
            Assert.AreEqual(BlinkCodes.ServerUnreachable, BlinkCodes.For(SendOutcome.TransportFailed, TransportFailure.ConnectionLost, TlsFailureCause.Unknown));
            Assert.AreEqual(BlinkCodes.Tls, BlinkCodes.For(SendOutcome.TransportFailed, TransportFailure.TlsHandshake, TlsFailureCause.UnknownCa));
            Assert.AreEqual(BlinkCodes.Tls, BlinkCodes.For(SendOutcome.TransportFailed, TransportFailure.TlsHandshake, TlsFailureCause.NameMismatch));
            Assert.AreEqual(BlinkCodes.Tls, BlinkCodes.For(SendOutcome.TransportFailed, TransportFailure.TlsHandshake, TlsFailureCause.ClientCertificateRefused));
            Assert.AreEqual(BlinkCodes.Tls, BlinkCodes.For(SendOutcome.TransportFailed, TransportFailure.TlsHandshake, TlsFailureCause.Unknown));
            Assert.AreEqual(BlinkCodes.Tls, BlinkCodes.For(SendOutcome.TransportFailed, TransportFailure.TlsSetup, TlsFailureCause.BadEmbeddedCredential));
            Assert.AreEqual(BlinkCodes.ClockNotSet, BlinkCodes.For(SendOutcome.TransportFailed, TransportFailure.ClockNotSet, TlsFailureCause.ClockNotSet));
            Assert.AreEqual(BlinkCodes.ClockNotSet, BlinkCodes.For(SendOutcome.TransportFailed, TransportFailure.TlsHandshake, TlsFailureCause.ClockNotSet));
            Assert.AreEqual(BlinkCodes.Refused, BlinkCodes.For(SendOutcome.Rejected, TransportFailure.NetworkDown, TlsFailureCause.Unknown));
            Assert.AreEqual(BlinkCodes.Refused, BlinkCodes.For(SendOutcome.BadReply, TransportFailure.NetworkDown, TlsFailureCause.Unknown));
            Assert.AreEqual(BlinkCodes.Refused, BlinkCodes.For(SendOutcome.EchoMismatch, TransportFailure.NetworkDown, TlsFailureCause.Unknown));
            Assert.AreEqual(BlinkCodes.None, BlinkCodes.For(SendOutcome.Acknowledged, TransportFailure.NetworkDown, TlsFailureCause.Unknown));
        }

        [TestMethod]
        public void TheCodesAreTwoToSixEachWithItsOwnName()
        {
            string names = string.Empty;
            for (int code = 2; code <= 6; code++)
            {
                string name = BlinkCodes.ClassName(code);
                Assert.IsTrue(name.Length > 0 && names.IndexOf("|" + name + "|") < 0, name);
                names += "|" + name + "|";
            }

            Assert.AreEqual("network or Wi-Fi down", BlinkCodes.ClassName(BlinkCodes.Network));
            Assert.AreEqual("server unreachable", BlinkCodes.ClassName(BlinkCodes.ServerUnreachable));
            Assert.AreEqual("TLS certificate, trust or handshake", BlinkCodes.ClassName(BlinkCodes.Tls));
            Assert.AreEqual("clock not set", BlinkCodes.ClassName(BlinkCodes.ClockNotSet));
            Assert.AreEqual("refused by the server", BlinkCodes.ClassName(BlinkCodes.Refused));
        }

        [TestMethod]
        public void ANetworkDownBlinksTwo()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Fail(TransportFailure.NetworkDown);
            Assert.AreEqual(BlinkCodes.Network, CodeAfterOnePress(rig));
        }

        [TestMethod]
        public void AnUnreachableServerBlinksThree()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Fail(TransportFailure.ConnectFailed);
            Assert.AreEqual(BlinkCodes.ServerUnreachable, CodeAfterOnePress(rig));
            Assert.AreEqual(4, rig.Transport.Connects, "the code comes after the last attempt, not before");
        }

        [TestMethod]
        public void TheLogNamesTheCodesClassOnceWhenItStarts()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Fail(TransportFailure.ConnectFailed);
            CodeAfterOnePress(rig);
            for (int step = 0; step < 20 && rig.Timer.Fire(); step++)
            {
            }

            Assert.AreEqual(1, rig.Log.CountContaining("LED blink 3: server unreachable"), "one line at the start, none per flash");
        }

        [TestMethod]
        public void ACertificateProblemBlinksFour()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Tls);
            rig.Transport.Enqueue(new WwepTransportException(TransportFailure.TlsHandshake, TlsFailureCause.UnknownCa, "TLS handshake with wwep.local:40508 failed [x]: unknown CA"));
            Assert.AreEqual(BlinkCodes.Tls, CodeAfterOnePress(rig));
            Assert.AreEqual(1, rig.Transport.Connects, "permanent: no retries, the code at once");
        }

        [TestMethod]
        public void AnUnsetClockBlinksFive()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Tls);
            rig.Clock.UtcNow = new DateTime(1970, 1, 1);
            Assert.AreEqual(BlinkCodes.ClockNotSet, CodeAfterOnePress(rig));
            Assert.AreEqual(0, rig.Transport.Connects, "TLS is not attempted with the clock at 1970");
        }

        [TestMethod]
        public void ARefusalBlinksSix()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Reply("X");
            Assert.AreEqual(BlinkCodes.Refused, CodeAfterOnePress(rig));
        }

        [TestMethod]
        public void TheCodeIsFlashedByTheTimerThenTheStateShowsAgainEveryMinute()
        {
            RecordingLed led = new RecordingLed();
            FakeTimer timer = new FakeTimer();
            StatusLed status = new StatusLed(led, timer);
            status.Show(true);
            led.Clear();

            status.Blink(3);
            Assert.AreEqual("0", led.Trace, "off at once, so the flashes stand out from the lit LED");
            Assert.AreEqual(StatusLed.LeadInMilliseconds, timer.Due);
            int fires = 0;
            while (led.Trace.Length < 8 && timer.Fire())
            {
                fires++;
            }

            Assert.AreEqual("01010101", led.Trace, "three flashes, then the state (on) again");
            Assert.AreEqual(7, fires);
            Assert.AreEqual((long)StatusLed.PatternMilliseconds(3), timer.Elapsed);
            Assert.AreEqual(StatusLed.RepeatMilliseconds - StatusLed.PatternMilliseconds(3), timer.Due, "the next showing a minute after this one began");

            timer.Fire();
            Assert.AreEqual("010101010", led.Trace, "the code starts over");
            Assert.AreEqual((long)StatusLed.RepeatMilliseconds, timer.Elapsed);
            Assert.AreEqual(3, status.Code);
        }

        [TestMethod]
        public void APressDuringABlinkCancelsTheCodeAtOnce()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Fail(TransportFailure.ConnectFailed);
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();
            rig.Timer.Fire();
            Assert.IsTrue(rig.Led.On, "mid-flash");
            rig.Led.Clear();

            rig.Controller.OnButtonPressed(false);

            Assert.AreEqual("0", rig.Led.Trace, "the new state (off) shows at once, in one write");
            Assert.AreEqual(BlinkCodes.None, rig.Controller.BlinkCode);
            Assert.IsFalse(rig.Timer.Armed, "nothing left to blink");
        }

        [TestMethod]
        public void ASuccessfulSendEndsTheCode()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Fail(TransportFailure.ConnectFailed);
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();
            Assert.AreEqual(BlinkCodes.ServerUnreachable, rig.Controller.BlinkCode);
            Assert.IsFalse(rig.Led.On, "lead-in: off, though the state is on");

            rig.Reply("A02E8050001");
            rig.Controller.OnNetworkAvailable();
            rig.Controller.ProcessPending();

            Assert.AreEqual(BlinkCodes.None, rig.Controller.BlinkCode);
            Assert.IsTrue(rig.Led.On, "the state shows again");
            Assert.IsFalse(rig.Timer.Armed);
        }

        [TestMethod]
        public void BlinkCodesOffNeverBlinks()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Settings.BlinkCodes = false;
            rig.Fail(TransportFailure.ConnectFailed);
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();

            Assert.AreEqual(BlinkCodes.None, rig.Controller.BlinkCode);
            Assert.AreEqual(0, rig.Timer.Starts);
            Assert.AreEqual("01", rig.Led.Trace, "off at start, on at the press, nothing else");
        }

        [TestMethod]
        public void ALedThatShowsCodesItselfGetsOneStepPerMinute()
        {
            FakeCodeLed led = new FakeCodeLed();
            FakeTimer timer = new FakeTimer();
            StatusLed status = new StatusLed(led, timer);

            status.Blink(BlinkCodes.ServerUnreachable);

            Assert.AreEqual(1, led.CodesShown);
            Assert.AreEqual("LED blink 3: server unreachable", led.LastCodeLine);
            Assert.AreEqual(0, led.StateWrites, "no flashes through the state");
            Assert.AreEqual(StatusLed.RepeatMilliseconds, timer.Due);
            timer.Fire();
            Assert.AreEqual(2, led.CodesShown);
        }

        [TestMethod]
        public void ATimerTickAlreadyOnItsWayWhenTheCodeEndedDoesNothing()
        {
            RecordingLed led = new RecordingLed();
            FakeTimer timer = new FakeTimer();
            StatusLed status = new StatusLed(led, timer);
            status.Blink(4);
            timer.Fire();
            status.Show(false);
            led.Clear();

            Assert.IsFalse(timer.Fire(), "the press cancelled the timer");
            timer.FireLastAgain();
            Assert.AreEqual(string.Empty, led.Trace, "a late tick leaves the LED alone");
        }

        private static int CodeAfterOnePress(ControllerRig rig)
        {
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();
            Assert.IsTrue(rig.Controller.HasUndelivered);
            Assert.IsTrue(rig.Timer.Armed, "the code is driven by the timer, the worker has returned");
            return rig.Controller.BlinkCode;
        }
    }
}
