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
        private Socket _nextSocket;
        private EndPoint _nextEndPoint;

        /// <summary>What the last connect threw; null when it succeeded.</summary>
        public Exception Error { get; private set; }

        /// <summary>Names the next connect's inputs; they take effect in <see cref="Prepare"/>.</summary>
        /// <param name="socket">An unconnected stream socket.</param>
        /// <param name="endPoint">Where to connect.</param>
        public void Stage(Socket socket, EndPoint endPoint)
        {
            _nextSocket = socket;
            _nextEndPoint = endPoint;
        }

        /// <summary>Takes the staged inputs and clears the last error; TimedWorker calls it once no run is going.</summary>
        public void Prepare()
        {
            _socket = _nextSocket;
            _endPoint = _nextEndPoint;
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
