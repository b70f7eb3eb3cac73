namespace WwepDevice.Core.Press
{
    /// <summary>
    /// An LED that shows a whole blink code in one step: the simulator's console LED prints it as one line. The board's
    /// GPIO LED is not one; <see cref="StatusLed"/> flashes it step by step from its timer.
    /// </summary>
    public interface IBlinkCodeLed
    {
        /// <summary>Shows the code once.</summary>
        /// <param name="code">The number of flashes (<see cref="BlinkCodes"/>).</param>
        /// <param name="failureClass">What it means, for example "server unreachable".</param>
        void ShowCode(int code, string failureClass);
    }
}
