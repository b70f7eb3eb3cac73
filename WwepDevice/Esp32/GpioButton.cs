using System;
using System.Device.Gpio;

namespace WwepDevice.Esp32
{
    /// <summary>
    /// A push button between a GPIO and ground (GPIO0 is the BOOT button of an ESP32 DevKit): input with pull-up,
    /// a press is the falling edge, debounced by the GPIO driver itself (<see cref="GpioPin.DebounceTimeout"/>,
    /// a one-shot timer in the ESP32 native code). The handler runs on nanoFramework's event thread: it must not
    /// do I/O, and <see cref="Core.ButtonLedController.OnButtonPressed"/> does none.
    /// </summary>
    public sealed class GpioButton
    {
        private readonly GpioPin _pin;
        private readonly bool _secondButton;
        private readonly ButtonPressed _pressed;

        /// <summary>Opens the pin and starts listening.</summary>
        /// <param name="controller">The board's GPIO controller.</param>
        /// <param name="pinNumber">The button's GPIO.</param>
        /// <param name="debounceMilliseconds">Debounce time.</param>
        /// <param name="secondButton">Whether this is the two-button mode's TLS button.</param>
        /// <param name="pressed">Called once per debounced press.</param>
        public GpioButton(GpioController controller, int pinNumber, int debounceMilliseconds, bool secondButton, ButtonPressed pressed)
        {
            _secondButton = secondButton;
            _pressed = pressed;
            _pin = controller.OpenPin(pinNumber, PinMode.InputPullUp);
            _pin.DebounceTimeout = new TimeSpan(debounceMilliseconds * TimeSpan.TicksPerMillisecond);
            _pin.ValueChanged += OnValueChanged;
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType == PinEventTypes.Falling)
            {
                _pressed(_secondButton);
            }
        }
    }
}
