using System;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Network;

namespace WwepDevice.Tests.Fakes
{
    /// <summary>
    /// Plays an SNTP server for <see cref="ClockSync"/>: answers each request with a chosen time (or not at all) and
    /// counts the requests.
    /// </summary>
    public sealed class SntpServerScript
    {
        /// <summary>Creates a server that answers with <paramref name="serverUtc"/>.</summary>
        /// <param name="serverUtc">The time it gives.</param>
        public SntpServerScript(DateTime serverUtc)
        {
            ServerUtc = serverUtc;
            Answers = true;
            Stratum = 2;
        }

        /// <summary>The time it gives.</summary>
        public DateTime ServerUtc { get; set; }

        /// <summary>False: every request times out.</summary>
        public bool Answers { get; set; }

        /// <summary>The stratum it claims (0 is a kiss-of-death).</summary>
        public int Stratum { get; set; }

        /// <summary>Requests received.</summary>
        public int Requests { get; private set; }

        /// <summary>The address of the last request.</summary>
        public string LastAddress { get; private set; }

        /// <summary>The port of the last request.</summary>
        public int LastPort { get; private set; }

        /// <summary>Run before each answer (to change the device clock mid-query).</summary>
        public ConnectHook BeforeAnswer { get; set; }

        /// <summary>A reply to <paramref name="request"/>, as the WWEP server writes it, claiming another stratum if asked.</summary>
        /// <param name="request">The client's request.</param>
        /// <param name="reply">At least 48 bytes.</param>
        /// <param name="serverUtc">The receive and transmit time.</param>
        /// <param name="stratum">The stratum.</param>
        public static void WriteReply(byte[] request, byte[] reply, DateTime serverUtc, int stratum)
        {
            SntpPacket.WriteReply(request, serverUtc, serverUtc, reply);
            reply[1] = (byte)stratum;
        }

        /// <summary>The <see cref="UdpExchange"/> to hand to the code under test.</summary>
        /// <param name="address">Address.</param>
        /// <param name="port">Port.</param>
        /// <param name="request">Request.</param>
        /// <param name="requestLength">Its length.</param>
        /// <param name="reply">Reply buffer.</param>
        /// <param name="timeoutMilliseconds">Timeout.</param>
        /// <returns>Bytes of the reply, or 0.</returns>
        public int Exchange(string address, int port, byte[] request, int requestLength, byte[] reply, int timeoutMilliseconds)
        {
            Requests++;
            LastAddress = address;
            LastPort = port;
            if (BeforeAnswer != null)
            {
                BeforeAnswer(Requests);
            }

            if (!Answers)
            {
                return 0;
            }

            WriteReply(request, reply, ServerUtc, Stratum);
            return SntpPacket.Length;
        }
    }
}
