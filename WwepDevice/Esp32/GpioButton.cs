using System;
using System.Device.Gpio;
using nanoFramework.Hardware.Esp32;
using WwepDevice.Core.Press;

namespace WwepDevice.Esp32
{
    /// <summary>
    /// A push button between a GPIO and ground (GPIO0 is the BOOT button of an ESP32 DevKit): input with pull-up,
    /// debounced by the GPIO driver itself (<see cref="GpioPin.DebounceTimeout"/>, a one-shot timer in the ESP32
    /// native code). It reports both edges, as <see cref="GpioPin.ValueChanged"/> gives them, with the time it got
    /// each, and reads the pin's level when asked; what is a press and what is a long press the core decides
    /// (<see cref="PressRecognizer"/>). The handler
    /// runs on nanoFramework's event thread: it must not do I/O, and the core's press path does none.
    /// </summary>
    public sealed class GpioButton
    {
        private readonly GpioPin _pin;
        private PressRecognizer _recognizer;

        /// <summary>Opens the pin; <see cref="Listen"/> then hands its edges to the core.</summary>
        /// <param name="controller">The board's GPIO controller.</param>
        /// <param name="pinNumber">The button's GPIO.</param>
        /// <param name="debounceMilliseconds">Debounce time for the driver.</param>
        public GpioButton(GpioController controller, int pinNumber, int debounceMilliseconds)
        {
            _pin = controller.OpenPin(pinNumber, PinMode.InputPullUp);
            _pin.DebounceTimeout = new TimeSpan(debounceMilliseconds * TimeSpan.TicksPerMillisecond);
        }

        /// <summary>Starts listening: every edge goes to the recognizer.</summary>
        /// <param name="recognizer">Gets every edge.</param>
        public void Listen(PressRecognizer recognizer)
        {
            _recognizer = recognizer;
            _pin.ValueChanged += OnValueChanged;
        }

        /// <summary>The pin's level now, as the core's <see cref="ButtonHeld"/>: pressed pulls it low.</summary>
        /// <returns>True when the pin reads low.</returns>
        public bool IsHeld()
        {
            return _pin.Read() == PinValue.Low;
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            // Pressed pulls the pin low: Falling is the press edge. The time is the ESP32's microseconds since boot
            // (esp_timer), not DateTime.UtcNow, which jumps when SNTP sets the clock.
            _recognizer.OnEdge(e.ChangeType == PinEventTypes.Falling, (long)(HighResTimer.GetCurrent() / 1000));
        }
    }
}
