using nanoFramework.TestFramework;
using WwepDevice.Core.Press;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    /// <summary>
    /// Presses and long presses from the edges the GPIO adapter reports, as the board produces them: both edges
    /// (nanoframework/nf-interpreter src/System.Device.Gpio/sys_dev_gpio_native_System_Device_Gpio_GpioPin.cpp@c7368034,
    /// SetPinMode asks for GPIO_INT_EDGE_BOTH), each after the ESP32 driver's one-shot debounce timer confirmed the new
    /// level (targets/ESP32/_nanoCLR/System.Device.Gpio/cpu_gpio.cpp@678dd64f, gpio_isr and Esp_Gpio_DebounceHandler;
    /// alternating since #3234, cc176357), turned into Falling or Rising by the level
    /// (nanoframework/System.Device.Gpio:System.Device.Gpio/GpioPinEventListener.cs@1a734226, data2 == 0 is Falling),
    /// timed when the managed handler runs. Times are milliseconds since boot; no test sleeps.
    /// </summary>
    [TestClass]
    public class PressRecognizerTests
    {
        private const int Debounce = 50;

        [TestMethod]
        public void ThePressCountsOnThePressEdgeNotTheRelease()
        {
            PressCounter counts = new PressCounter();
            PressRecognizer button = New(counts, null, true);

            button.OnEdge(true, 1000);
            Assert.AreEqual(1, counts.Presses, "the LED toggles at the press edge");
            Assert.IsTrue(counts.LastWasSecond, "the button says which one it is");
            button.OnEdge(false, 1120);
            Assert.AreEqual(1, counts.Presses);
            Assert.AreEqual(0, counts.LongPresses);
        }

        [TestMethod]
        public void AlternatingEdgesCountEvenWhenTheyArriveBackToBack()
        {
            // Edges that waited while a TLS handshake stopped every thread reach the handler together: the driver
            // debounced them on their true times, so each press counts (ON, OFF, ON queued during one handshake).
            PressCounter counts = new PressCounter();
            PressRecognizer button = New(counts, null, false);

            button.OnEdge(true, 5000);
            button.OnEdge(false, 5000);
            button.OnEdge(true, 5001);
            button.OnEdge(false, 5001);
            button.OnEdge(true, 5001);

            Assert.AreEqual(3, counts.Presses);
        }

        [TestMethod]
        public void ARepeatedPressEdgeWithinTwiceTheDebounceIsABounce()
        {
            // Firmware before #3234 confirmed the level read at the first interrupt, so a bounce outlasting the
            // debounce time reported the press edge twice, one debounce period apart.
            PressCounter counts = new PressCounter();
            PressRecognizer button = New(counts, null, false);

            button.OnEdge(true, 1000);
            button.OnEdge(true, 1000 + Debounce + 20);

            Assert.AreEqual(1, counts.Presses);
        }

        [TestMethod]
        public void ARepeatedPressEdgeLaterIsANewPressWhoseReleaseWasLost()
        {
            PressCounter counts = new PressCounter();
            PressRecognizer button = New(counts, null, false);

            button.OnEdge(true, 1000);
            button.OnEdge(true, 1000 + (2 * Debounce));
            button.OnEdge(true, 1700);

            Assert.AreEqual(3, counts.Presses);
        }

        [TestMethod]
        public void HeldThreeSecondsIsALongPressToldOnceWhileStillHeld()
        {
            FakeTimer hold = new FakeTimer();
            PressCounter counts = new PressCounter();
            PressRecognizer button = New(counts, hold, false);

            button.OnEdge(true, 1000);
            Assert.AreEqual(PressRecognizer.LongPressMilliseconds, hold.Due);
            Assert.AreEqual(0, counts.LongPresses);
            hold.Fire();
            Assert.AreEqual(1, counts.LongPresses, "told at 3 s, the button still down");
            Assert.AreEqual(1, counts.Presses, "and the press itself toggled at once");

            button.OnEdge(false, 1000 + 5000);
            Assert.AreEqual(1, counts.LongPresses, "the release does not tell it again");
        }

        [TestMethod]
        public void AReleaseBeforeThreeSecondsIsNoLongPress()
        {
            FakeTimer hold = new FakeTimer();
            PressCounter counts = new PressCounter();
            PressRecognizer button = New(counts, hold, false);

            button.OnEdge(true, 1000);
            button.OnEdge(false, 1000 + PressRecognizer.LongPressMilliseconds - 1);
            hold.Fire();

            Assert.AreEqual(0, counts.LongPresses);
        }

        [TestMethod]
        public void WithoutTheTimerTheReleaseThreeSecondsLaterTellsTheLongPress()
        {
            PressCounter counts = new PressCounter();
            PressRecognizer button = New(counts, null, false);

            button.OnEdge(true, 1000);
            button.OnEdge(false, 1000 + PressRecognizer.LongPressMilliseconds);

            Assert.AreEqual(1, counts.LongPresses);
            Assert.AreEqual(1, counts.Presses);
        }

        [TestMethod]
        public void AReleaseThatComesBeforeALateTimerTellsTheLongPressFromTheTimer()
        {
            // The release edge runs on the GPIO event thread, which does no I/O: the block is printed from the timer.
            FakeTimer hold = new FakeTimer();
            PressCounter counts = new PressCounter();
            PressRecognizer button = New(counts, hold, false);

            button.OnEdge(true, 1000);
            button.OnEdge(false, 1000 + PressRecognizer.LongPressMilliseconds + 200);
            Assert.AreEqual(0, counts.LongPresses, "not on the event thread");
            Assert.AreEqual(0, hold.Due, "handed to the timer at once");
            hold.Fire();

            Assert.AreEqual(1, counts.LongPresses);
            Assert.AreEqual(1, button.LongPresses);
            Assert.IsFalse(hold.Fire(), "told once");
        }

        [TestMethod]
        public void ABounceDuringTheHoldDoesNotEndIt()
        {
            FakeTimer hold = new FakeTimer();
            PressCounter counts = new PressCounter();
            PressRecognizer button = New(counts, hold, false);

            button.OnEdge(true, 1000);
            button.OnEdge(true, 1000 + Debounce + 10);
            Assert.AreEqual(PressRecognizer.LongPressMilliseconds, hold.Due, "the bounce does not restart the hold");
            Assert.AreEqual(1, hold.Starts);
            hold.Fire();

            Assert.AreEqual(1, counts.LongPresses);
            Assert.AreEqual(1, counts.Presses);
        }

        [TestMethod]
        public void ANewPressRestartsTheHoldAndAnOldReleaseDoesNotCount()
        {
            FakeTimer hold = new FakeTimer();
            PressCounter counts = new PressCounter();
            PressRecognizer button = New(counts, hold, false);

            button.OnEdge(true, 1000);
            button.OnEdge(false, 1400);
            button.OnEdge(true, 2500);
            Assert.AreEqual(2, hold.Starts);
            hold.Fire();
            Assert.AreEqual(1, counts.LongPresses, "the second press is held");

            button.OnEdge(false, 6000);
            button.OnEdge(true, 7000);
            button.OnEdge(false, 7200);
            hold.Fire();
            Assert.AreEqual(1, counts.LongPresses, "a short third press is not long");
            Assert.AreEqual(3, counts.Presses);
        }

        [TestMethod]
        public void AReleaseWithoutAPressIsIgnored()
        {
            // A button held at boot: the first edge the handler sees is the release.
            FakeTimer hold = new FakeTimer();
            PressCounter counts = new PressCounter();
            PressRecognizer button = New(counts, hold, false);

            button.OnEdge(false, 10000);

            Assert.AreEqual(0, counts.Presses);
            Assert.AreEqual(0, counts.LongPresses);
            Assert.IsFalse(hold.Armed);
        }

        [TestMethod]
        public void AShortPressWhoseEdgesComeLateAfterAFreezeIsNotLong()
        {
            // A press starts a TLS send; its handshake stops every managed thread for 6 s (nanoframework.md, measured),
            // so the release edge, made 150 ms after the press, reaches its handler 6,009 ms after the press edge's,
            // and the hold timer comes just as late. The pin, read then, is up: the finger left long ago.
            for (int order = 0; order < 2; order++)
            {
                FakeTimer hold = new FakeTimer();
                PressCounter counts = new PressCounter();
                bool[] pin = new bool[] { true };
                PressRecognizer button = new PressRecognizer(Debounce, false, counts.OnPressed, counts.OnLongPressed, hold, delegate { return pin[0]; });
                button.OnEdge(true, 1000);
                pin[0] = false;
                if (order == 0)
                {
                    hold.Fire();
                    button.OnEdge(false, 1000 + 6009);
                }
                else
                {
                    button.OnEdge(false, 1000 + 6009);
                    hold.Fire();
                }

                Assert.AreEqual(1, counts.Presses, "a press");
                Assert.AreEqual(0, counts.LongPresses, "no status block, timer " + (order == 0 ? "first" : "last"));
            }
        }

        [TestMethod]
        public void BothEdgesDeliveredTogetherAfterAFreezeAreAShortPress()
        {
            FakeTimer hold = new FakeTimer();
            PressCounter counts = new PressCounter();
            bool[] pin = new bool[] { false };
            PressRecognizer button = new PressRecognizer(Debounce, false, counts.OnPressed, counts.OnLongPressed, hold, delegate { return pin[0]; });

            // Press and release both made during the 6 s freeze, handled back to back after it.
            button.OnEdge(true, 7000);
            button.OnEdge(false, 7001);
            hold.Fire();

            Assert.AreEqual(1, counts.Presses);
            Assert.AreEqual(0, counts.LongPresses);
        }

        [TestMethod]
        public void APinStillPressedWhenTheTimerRunsOutIsALongPress()
        {
            FakeTimer hold = new FakeTimer();
            PressCounter counts = new PressCounter();
            bool[] pin = new bool[] { true };
            PressRecognizer button = new PressRecognizer(Debounce, false, counts.OnPressed, counts.OnLongPressed, hold, delegate { return pin[0]; });

            // Held through a freeze: the timer runs late, the pin still reads pressed.
            button.OnEdge(true, 1000);
            hold.Fire();
            Assert.AreEqual(1, counts.LongPresses, "the user really held it");
            pin[0] = false;
            button.OnEdge(false, 1000 + 9000);
            Assert.AreEqual(1, counts.LongPresses, "told once");
        }

        private static PressRecognizer New(PressCounter counts, FakeTimer hold, bool secondButton)
        {
            return new PressRecognizer(Debounce, secondButton, counts.OnPressed, counts.OnLongPressed, hold);
        }
    }
}
