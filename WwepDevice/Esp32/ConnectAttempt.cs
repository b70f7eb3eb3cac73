using System;
using System.Net;
using System.Net.Sockets;

namespace WwepDevice.Esp32
{
    /// <summary>
    /// One blocking TCP connect at a time, run on the transport's long-lived connect thread so the caller can give up
    /// after a timeout. The same object serves every send: the caller sets its inputs, the thread runs <see cref="Run"/>.
    /// </summary>
    public sealed class ConnectAttempt
    {
        private Socket _socket;
        private EndPoint _endPoint;

        /// <summary>What the last connect threw; null when it succeeded.</summary>
        public Exception Error { get; private set; }

        /// <summary>Sets up the next connect.</summary>
        /// <param name="socket">An unconnected stream socket.</param>
        /// <param name="endPoint">Where to connect.</param>
        public void Prepare(Socket socket, EndPoint endPoint)
        {
            _socket = socket;
            _endPoint = endPoint;
            Error = null;
        }

        /// <summary>Connects; the outcome goes to <see cref="Error"/>.</summary>
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
