using System.Net.Sockets;
using System.Text;
using WwepDevice.Core.Protocol;

namespace WwepEndToEnd.Tests
{
    /// <summary>What a student's test tool does: one raw WWEP read over plain TCP, to see what the server holds.</summary>
    internal static class RawWwep
    {
        /// <summary>Sends <c>R&lt;id&gt;05</c> and returns the reply as text.</summary>
        /// <param name="plainPort">The server's plain port on 127.0.0.1.</param>
        /// <param name="deviceId">The device whose LED register is read.</param>
        /// <returns>For example <c>A02E8050001</c>, or <c>X</c> for a register never written.</returns>
        public static string ReadLedRegister(int plainPort, int deviceId)
        {
            using TcpClient client = new TcpClient();
            client.ReceiveTimeout = 3000;
            client.SendTimeout = 3000;
            client.Connect("127.0.0.1", plainPort);
            NetworkStream stream = client.GetStream();
            byte[] request = Encoding.ASCII.GetBytes("R" + DeviceIdentity.ToHex(deviceId) + "05");
            stream.Write(request, 0, request.Length);
            byte[] reply = new byte[64];
            int total = 0;
            int n;
            while (total < reply.Length && (n = stream.Read(reply, total, reply.Length - total)) > 0)
            {
                total += n;
            }

            return Encoding.ASCII.GetString(reply, 0, total);
        }
    }
}
