using System;
using System.Net;
using System.Net.Sockets;

namespace WwepDevice.Esp32
{
    /// <summary>One blocking TCP connect, run on a helper thread so the caller can give up after a timeout.</summary>
    public sealed class ConnectAttempt
    {
        private readonly Socket _socket;
        private readonly EndPoint _endPoint;

        /// <summary>Prepares the attempt.</summary>
        /// <param name="socket">An unconnected stream socket.</param>
        /// <param name="endPoint">Where to connect.</param>
        public ConnectAttempt(Socket socket, EndPoint endPoint)
        {
            _socket = socket;
            _endPoint = endPoint;
        }

        /// <summary>What the connect threw, or null if it succeeded.</summary>
        public Exception Error { get; private set; }

        /// <summary>Connects (blocking).</summary>
        public void Run()
        {
            try
            {
                _socket.Connect(_endPoint);
            }
            catch (Exception ex)
            {
                Error = ex;
            }
        }
    }
}
