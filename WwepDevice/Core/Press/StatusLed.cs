using WwepDevice.Core.Runtime;

namespace WwepDevice.Core.Press
{
    /// <summary>
    /// Everything the LED shows: the LED state, and over it the blink code of a state that was finally not delivered.
    /// A code is a pause with the LED off, then one short flash per count, another pause, then the state again; it
    /// repeats every <see cref="RepeatMilliseconds"/> until the code is ended (a send succeeded) or the state is shown
    /// anew (a press, which cancels the code at once). Every step comes from the timer the core owns, so blinking
    /// never holds up the press path or the network worker; each call here only sets the LED and arms the timer.
    /// </summary>
    public sealed class StatusLed
    {
        /// <summary>The LED is off this long before the first flash, so a code over a lit LED starts clearly.</summary>
        public const int LeadInMilliseconds = 800;

        /// <summary>How long each flash is on.</summary>
        public const int FlashOnMilliseconds = 250;

        /// <summary>How long the LED is off between two flashes.</summary>
        public const int FlashOffMilliseconds = 350;

        /// <summary>The LED is off this long after the last flash, before the state shows again.</summary>
        public const int LeadOutMilliseconds = 800;

        /// <summary>From the start of one showing of a code to the start of the next.</summary>
        public const int RepeatMilliseconds = 60000;

        private readonly object _sync = new object();
        private readonly ILed _led;
        private readonly IBlinkCodeLed _codeLed;
        private readonly IOneShotTimer _timer;
        private readonly TimerTick _onTick;
        private bool _state;
        private int _code;
        private int _step;

        /// <summary>Creates the LED's owner; the LED is not touched until the first <see cref="Show"/>.</summary>
        /// <param name="led">The LED. If it is also an <see cref="IBlinkCodeLed"/>, a code is shown in one step.</param>
        /// <param name="timer">Paces the flashes and the repeats; null: no blink codes at all.</param>
        public StatusLed(ILed led, IOneShotTimer timer)
        {
            _led = led;
            _codeLed = led as IBlinkCodeLed;
            _timer = timer;
            _onTick = OnTick;
        }

        /// <summary>Whether this LED can show codes (it has a timer).</summary>
        public bool CanBlink
        {
            get { return _timer != null; }
        }

        /// <summary>The code being shown or waiting for its next repeat; <see cref="BlinkCodes.None"/> for none.</summary>
        public int Code
        {
            get
            {
                lock (_sync)
                {
                    return _code;
                }
            }
        }

        /// <summary>Shows the LED state now; a code in progress ends at once. Quick: the press path calls it.</summary>
        /// <param name="on">The LED state.</param>
        public void Show(bool on)
        {
            lock (_sync)
            {
                _state = on;
                EndCodeLocked();
                _led.Set(on);
            }
        }

        /// <summary>Starts showing a code now and every <see cref="RepeatMilliseconds"/> after; replaces an earlier code.</summary>
        /// <param name="code">A code of <see cref="BlinkCodes"/> (2 or more).</param>
        public void Blink(int code)
        {
            if (_timer == null || code <= BlinkCodes.None)
            {
                return;
            }

            lock (_sync)
            {
                _code = code;
                StartShowingLocked();
            }
        }

        /// <summary>Ends a code (a send succeeded): the LED shows the state again.</summary>
        public void EndCode()
        {
            lock (_sync)
            {
                if (_code == BlinkCodes.None)
                {
                    return;
                }

                EndCodeLocked();
                _led.Set(_state);
            }
        }

        /// <summary>How long one showing of a code keeps the LED from its state.</summary>
        /// <param name="code">The code.</param>
        /// <returns>Milliseconds.</returns>
        public static int PatternMilliseconds(int code)
        {
            return LeadInMilliseconds + (code * FlashOnMilliseconds) + ((code - 1) * FlashOffMilliseconds) + LeadOutMilliseconds;
        }

        private void EndCodeLocked()
        {
            if (_code != BlinkCodes.None)
            {
                _code = BlinkCodes.None;
                _timer.Cancel();
            }
        }

        private void StartShowingLocked()
        {
            if (_codeLed != null)
            {
                _codeLed.ShowCode(_code, BlinkCodes.ClassName(_code));
                _timer.Start(RepeatMilliseconds, _onTick);
                return;
            }

            _step = 0;
            _led.Set(false);
            _timer.Start(LeadInMilliseconds, _onTick);
        }

        // Steps 1 to 2n flash (odd on, even off); step 2n+1 shows the state until the next repeat.
        private void OnTick()
        {
            lock (_sync)
            {
                if (_code == BlinkCodes.None)
                {
                    return;
                }

                if (_codeLed != null)
                {
                    StartShowingLocked();
                    return;
                }

                _step++;
                int flashSteps = 2 * _code;
                if (_step <= flashSteps)
                {
                    bool on = _step % 2 == 1;
                    _led.Set(on);
                    _timer.Start(on ? FlashOnMilliseconds : _step == flashSteps ? LeadOutMilliseconds : FlashOffMilliseconds, _onTick);
                    return;
                }

                if (_step == flashSteps + 1)
                {
                    _led.Set(_state);
                    _timer.Start(RepeatMilliseconds - PatternMilliseconds(_code), _onTick);
                    return;
                }

                StartShowingLocked();
            }
        }
    }
}
