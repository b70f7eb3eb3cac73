using System.Device.Gpio;
using WwepDevice.Core.Press;

namespace WwepDevice.Esp32
{
    /// <summary>The LED on a GPIO output (GPIO2 is the blue LED of an ESP32 DevKit, lit when high).</summary>
    public sealed class GpioLed : ILed
    {
        private readonly GpioPin _pin;

        /// <summary>Opens the pin as an output.</summary>
        /// <param name="controller">The board's GPIO controller.</param>
        /// <param name="pinNumber">The LED's GPIO number.</param>
        public GpioLed(GpioController controller, int pinNumber)
        {
            _pin = controller.OpenPin(pinNumber, PinMode.Output);
        }

        /// <inheritdoc/>
        public void Set(bool on)
        {
            _pin.Write(on ? PinValue.High : PinValue.Low);
        }
    }
}
