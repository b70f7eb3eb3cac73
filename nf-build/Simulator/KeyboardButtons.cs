using System;
using System.IO;

namespace WwepSimulator
{
    /// <summary>
    /// The buttons as keys: Enter or space is the (first) button, 't' the second (TLS) button in two-button mode,
    /// 'l' a long press of the first button (it toggles, then prints the status block), 'q' quits. From a terminal each key counts at once; from redirected input the same characters are read in turn
    /// and the end of the input quits.
    /// </summary>
    public static class KeyboardButtons
    {
        /// <summary>Reads keys until 'q' or the end of input, then waits for the worker to finish.</summary>
        /// <param name="device">The started device.</param>
        /// <param name="twoButton">Whether 't' is a button.</param>
        /// <param name="output">Where the prompt goes.</param>
        /// <returns>0 when every state was acknowledged, 1 otherwise.</returns>
        public static int Run(SimulatedDevice device, bool twoButton, TextWriter output)
        {
            output.WriteLine(twoButton
                ? "press Enter or space for button 1 (plain), t for button 2 (TLS), l for a long press (status), q to quit"
                : "press Enter or space for the button, l for a long press (status), q to quit");
            while (true)
            {
                char key;
                if (Console.IsInputRedirected)
                {
                    int read = Console.In.Read();
                    if (read < 0)
                    {
                        break;
                    }

                    key = (char)read;
                }
                else
                {
                    key = Console.ReadKey(true).KeyChar;
                }

                // Redirected text ends its lines with \n or \r\n: one line end is one press.
                if (key == '\r' && Console.IsInputRedirected)
                {
                    continue;
                }

                if (key == 'q' || key == 'Q')
                {
                    break;
                }

                if (key == '\r' || key == '\n' || key == ' ')
                {
                    device.Press(false);
                }
                else if (twoButton && (key == 't' || key == 'T'))
                {
                    device.Press(true);
                }
                else if (key == 'l' || key == 'L')
                {
                    device.LongPress();
                }
                else if (!Console.IsInputRedirected)
                {
                    output.WriteLine(twoButton ? "keys: Enter/space = button 1, t = button 2, l = long press, q = quit" : "keys: Enter/space = button, l = long press, q = quit");
                }
            }

            output.WriteLine("quitting: waiting for the last send to finish");
            return ScriptedPresses.Summarize(device, device.WaitUntilIdle(device.WorstCaseDelivery), output);
        }
    }
}
