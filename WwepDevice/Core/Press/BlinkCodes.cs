using WwepDevice.Core.Network;
using WwepDevice.Core.Tls;

namespace WwepDevice.Core.Press
{
    /// <summary>
    /// The one table of the LED's blink codes: how many flashes each class of a finally undelivered state gets.
    /// README's table is this one. A class is chosen by what a person must look at, not by the exact cause (the serial
    /// log names that): the Wi-Fi, the server and the path to it, the TLS setup, the clock, or the server's answer.
    /// </summary>
    public static class BlinkCodes
    {
        /// <summary>No code: the state was delivered.</summary>
        public const int None = 0;

        /// <summary>The network is down: no Wi-Fi address.</summary>
        public const int Network = 2;

        /// <summary>The server cannot be reached: name not resolved, connect refused or timed out, no reply, connection lost.</summary>
        public const int ServerUnreachable = 3;

        /// <summary>TLS failed: the server certificate, the trust (CA), the client certificate, or the handshake itself.</summary>
        public const int Tls = 4;

        /// <summary>The clock is not set, so TLS was not attempted.</summary>
        public const int ClockNotSet = 5;

        /// <summary>The server answered but did not store the state: <c>X</c>, or a reply that is not the echo of the write.</summary>
        public const int Refused = 6;

        /// <summary>The code for the last failure of a state that was finally not delivered.</summary>
        /// <param name="outcome">The last attempt's outcome.</param>
        /// <param name="failure">For <see cref="SendOutcome.TransportFailed"/>: what failed.</param>
        /// <param name="cause">For a TLS failure: its likely cause.</param>
        /// <returns>The number of flashes; <see cref="None"/> for an acknowledged state.</returns>
        public static int For(SendOutcome outcome, TransportFailure failure, TlsFailureCause cause)
        {
            if (outcome == SendOutcome.Acknowledged)
            {
                return None;
            }

            if (outcome != SendOutcome.TransportFailed)
            {
                // Rejected, BadReply, EchoMismatch: the server was reached and did not take the state.
                return Refused;
            }

            switch (failure)
            {
                case TransportFailure.NetworkDown:
                    return Network;
                case TransportFailure.ClockNotSet:
                    return ClockNotSet;
                case TransportFailure.TlsHandshake:
                case TransportFailure.TlsSetup:
                    // Every TLS cause but the unset clock, including ones added later, is a TLS problem.
                    return cause == TlsFailureCause.ClockNotSet ? ClockNotSet : Tls;
                default:
                    return ServerUnreachable;
            }
        }

        /// <summary>What a code means, as README's table and the simulator's <c>LED blink n: ...</c> line say it.</summary>
        /// <param name="code">A code of this table.</param>
        /// <returns>The class, for example "server unreachable".</returns>
        public static string ClassName(int code)
        {
            switch (code)
            {
                case Network:
                    return "network or Wi-Fi down";
                case ServerUnreachable:
                    return "server unreachable";
                case Tls:
                    return "TLS certificate, trust or handshake";
                case ClockNotSet:
                    return "clock not set";
                case Refused:
                    return "refused by the server";
                default:
                    return "no failure";
            }
        }

        /// <summary>The board's log line when a code starts, in the simulator's words (<c>LED blink 3: server unreachable</c>).</summary>
        /// <param name="code">A code of this table.</param>
        /// <returns>The line.</returns>
        public static string StartLine(int code)
        {
            return "LED blink " + code.ToString() + ": " + ClassName(code);
        }
    }
}
