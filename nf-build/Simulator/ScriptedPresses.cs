using System;
using System.IO;
using System.Threading;
using WwepDevice.Core.Press;

namespace WwepSimulator
{
    /// <summary>
    /// Presses without a keyboard: N presses a fixed interval apart (then, if asked, one long press), then waits until
    /// the worker is idle. In two-button mode the presses alternate, first button (plain) then second (TLS).
    /// </summary>
    public static class ScriptedPresses
    {
        /// <summary>Runs the script.</summary>
        /// <param name="device">The started device.</param>
        /// <param name="presses">How many presses.</param>
        /// <param name="intervalMilliseconds">Pause between presses.</param>
        /// <param name="alternateButtons">Alternate the two buttons (two-button mode).</param>
        /// <param name="output">Where the press lines go.</param>
        /// <param name="longPress">After the presses (and their sends), one long press of the first button.</param>
        /// <returns>0 when every state was acknowledged, 1 otherwise.</returns>
        public static int Run(SimulatedDevice device, int presses, int intervalMilliseconds, bool alternateButtons, TextWriter output, bool longPress = false)
        {
            for (int i = 1; i <= presses; i++)
            {
                if (i > 1)
                {
                    Thread.Sleep(intervalMilliseconds);
                }

                bool second = alternateButtons && i % 2 == 0;
                output.WriteLine("press " + i.ToString() + " of " + presses.ToString() + (alternateButtons ? (second ? " (button 2, TLS)" : " (button 1, plain)") : string.Empty));
                device.Press(second);
            }

            if (longPress)
            {
                device.WaitUntilIdle(device.WorstCaseDelivery);
                output.WriteLine("long press (held " + (PressRecognizer.LongPressMilliseconds / 1000).ToString() + " s)");
                device.LongPress();
            }

            bool idle = device.WaitUntilIdle(device.WorstCaseDelivery);
            return Summarize(device, idle, output);
        }

        /// <summary>The closing line and the exit code of a run.</summary>
        /// <param name="device">The device.</param>
        /// <param name="idle">Whether the worker finished.</param>
        /// <param name="output">Where the line goes.</param>
        /// <returns>0 when every state was acknowledged, 1 otherwise.</returns>
        public static int Summarize(SimulatedDevice device, bool idle, TextWriter output)
        {
            bool delivered = idle && device.AllDelivered;
            output.WriteLine(
                "done: " + device.Controller.Presses.ToString() + " press(es), " + device.Controller.Sends.ToString() + " send attempt(s), "
                + device.Controller.Acknowledged.ToString() + " acknowledged; LED " + (device.Controller.LedOn ? "ON" : "OFF") + ", "
                + (delivered ? "the server has the final state" : idle ? "the final state was NOT stored on the server (see the lines above)" : "the worker was still busy at the time limit"));
            return delivered ? 0 : 1;
        }
    }
}
