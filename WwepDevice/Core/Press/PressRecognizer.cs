using WwepDevice.Core.Runtime;

namespace WwepDevice.Core.Press
{
    /// <summary>
    /// Decides, from a button's edges and their times, what is a press and what is a long press. The GPIO adapter only
    /// reports each edge it gets; the rules are here.
    /// </summary>
    /// <remarks>
    /// What the board delivers (nanoframework repositories, read 2026): the managed pin always asks for both edges
    /// (nf-interpreter <c>src/System.Device.Gpio/sys_dev_gpio_native_System_Device_Gpio_GpioPin.cpp</c>, SetPinMode:
    /// <c>GPIO_INT_EDGE_BOTH</c>). With a debounce time the ESP32 driver ignores interrupts while its one-shot timer
    /// runs and, when it ends, reports the pin's level if it is the expected new one (<c>targets/ESP32/_nanoCLR/
    /// System.Device.Gpio/cpu_gpio.cpp</c>, <c>gpio_isr</c> and <c>Esp_Gpio_DebounceHandler</c>); since nf-interpreter
    /// #3234 (Nov 2025) the expected level is the opposite of the last reported one, so edges alternate, while older
    /// firmware expected the level read at the first interrupt and could report the same direction twice (a bounce
    /// outlasting the debounce time, or a lost release). System.Device.Gpio's <c>GpioPinEventListener</c> turns the
    /// level into Falling (0) or Rising, and drops the event's native time, so the times here are those of the managed
    /// handler. Those can bunch up: while a TLS handshake stops every managed thread, edges wait and then arrive back to
    /// back. The rules therefore never drop an alternating edge for being close to the previous one (the driver already
    /// debounced on the true times); only a repeated press edge is judged by time.
    /// <list type="bullet">
    /// <item>A press edge after a release edge (or the first one) is a press, reported at once: the LED toggles on
    /// the press edge.</item>
    /// <item>A press edge while the button is already down is a bounce when it comes within twice the debounce time of
    /// the previous edge, and otherwise a new press whose release was lost.</item>
    /// <item>A press held for <see cref="LongPressMilliseconds"/> is also a long press, reported once: when the hold
    /// timer runs out with no release since, or at a release that comes that long after the press (with a hold timer,
    /// reported from the timer's thread: the status block is I/O, and the GPIO event thread does none).</item>
    /// <item>With the pin's own level (<see cref="ButtonHeld"/>, the board's case) a long press is decided by what the
    /// pin says, never by when the handlers ran: only when the hold timer runs out, the pin still reads pressed and no
    /// release was handled since. A TLS handshake stops every managed thread for seconds (the timer's and the GPIO
    /// event's alike), so a short press made just before or during one reaches the handlers late: its release edge, and
    /// the timer, come seconds after the press edge, though the finger left the button long before.</item>
    /// </list>
    /// </remarks>
    public sealed class PressRecognizer
    {
        /// <summary>How long a press must be held to be a long press.</summary>
        public const int LongPressMilliseconds = 3000;

        private readonly object _sync = new object();
        private readonly int _debounceMilliseconds;
        private readonly bool _secondButton;
        private readonly ButtonPressed _pressed;
        private readonly LongPressed _longPressed;
        private readonly IOneShotTimer _holdTimer;
        private readonly ButtonHeld _held;
        private readonly TimerTick _onHoldTimer;
        private readonly TimerTick _onLongPressDue;
        private bool _anyEdge;
        private long _lastEdgeAt;
        private bool _down;
        private bool _releasedSincePress;
        private long _pressAt;
        private bool _longReported;
        private int _presses;
        private int _longPresses;

        /// <summary>Creates the rules for one button.</summary>
        /// <param name="debounceMilliseconds">The debounce time (also given to the GPIO driver).</param>
        /// <param name="secondButton">Whether this is the two-button mode's TLS button.</param>
        /// <param name="pressed">Called once per press, on the press edge.</param>
        /// <param name="longPressed">Called once per long press; may be null.</param>
        /// <param name="holdTimer">Tells a long press while the button is still held; null: long presses are told at the release.</param>
        public PressRecognizer(int debounceMilliseconds, bool secondButton, ButtonPressed pressed, LongPressed longPressed, IOneShotTimer holdTimer)
            : this(debounceMilliseconds, secondButton, pressed, longPressed, holdTimer, null)
        {
        }

        /// <summary>Creates the rules for one button whose pin level can be read (the board's buttons).</summary>
        /// <param name="debounceMilliseconds">The debounce time (also given to the GPIO driver).</param>
        /// <param name="secondButton">Whether this is the two-button mode's TLS button.</param>
        /// <param name="pressed">Called once per press, on the press edge.</param>
        /// <param name="longPressed">Called once per long press; may be null.</param>
        /// <param name="holdTimer">Tells a long press while the button is still held; with <paramref name="held"/> it is needed.</param>
        /// <param name="held">Reads the pin; null: long presses are judged by the handlers' times.</param>
        public PressRecognizer(int debounceMilliseconds, bool secondButton, ButtonPressed pressed, LongPressed longPressed, IOneShotTimer holdTimer, ButtonHeld held)
        {
            _held = holdTimer != null ? held : null;
            _debounceMilliseconds = debounceMilliseconds;
            _secondButton = secondButton;
            _pressed = pressed;
            _longPressed = longPressed;
            _holdTimer = holdTimer;
            _onHoldTimer = OnHoldTimer;
            _onLongPressDue = OnLongPressDue;
        }

        /// <summary>Presses recognized so far.</summary>
        public int Presses
        {
            get
            {
                lock (_sync)
                {
                    return _presses;
                }
            }
        }

        /// <summary>Long presses recognized so far.</summary>
        public int LongPresses
        {
            get
            {
                lock (_sync)
                {
                    return _longPresses;
                }
            }
        }

        /// <summary>One edge as the GPIO adapter got it. Called from the platform's event thread.</summary>
        /// <param name="down">True for the press edge (the pin going to the pressed level), false for the release.</param>
        /// <param name="atMilliseconds">When it was handled, on a clock that never jumps (milliseconds since boot).</param>
        public void OnEdge(bool down, long atMilliseconds)
        {
            bool press = false;
            bool longPress = false;
            lock (_sync)
            {
                long sincePrevious = atMilliseconds - _lastEdgeAt;
                bool first = !_anyEdge;
                _anyEdge = true;
                _lastEdgeAt = atMilliseconds;
                if (down)
                {
                    press = !_down || first || sincePrevious >= 2L * _debounceMilliseconds;
                    _down = true;
                    if (press)
                    {
                        _presses++;
                        _pressAt = atMilliseconds;
                        _releasedSincePress = false;
                        _longReported = false;
                        if (_holdTimer != null)
                        {
                            _holdTimer.Start(LongPressMilliseconds, _onHoldTimer);
                        }
                    }
                }
                else
                {
                    // With the pin to ask, a release's handler time decides nothing: after a freeze it is late.
                    if (_held == null && _down && !_releasedSincePress && !_longReported && atMilliseconds - _pressAt >= LongPressMilliseconds)
                    {
                        longPress = TakeLongPressLocked();
                        if (longPress && _holdTimer != null)
                        {
                            // Told from the timer's thread: the status block is I/O, the GPIO event thread does none.
                            longPress = false;
                            _holdTimer.Start(0, _onLongPressDue);
                        }
                    }

                    _down = false;
                    _releasedSincePress = true;
                }
            }

            if (press)
            {
                _pressed(_secondButton);
            }

            if (longPress)
            {
                _longPressed();
            }
        }

        private void OnHoldTimer()
        {
            // The pin, read now, says whether the finger is still on the button; a timer late after a freeze may find
            // it released while the release edge still waits for its handler.
            bool pinHeld = _held == null || _held();
            bool longPress;
            lock (_sync)
            {
                longPress = pinHeld && _down && !_releasedSincePress && !_longReported && TakeLongPressLocked();
            }

            if (longPress)
            {
                _longPressed();
            }
        }

        private void OnLongPressDue()
        {
            _longPressed();
        }

        private bool TakeLongPressLocked()
        {
            _longReported = true;
            if (_longPressed == null)
            {
                return false;
            }

            _longPresses++;
            return true;
        }
    }
}
