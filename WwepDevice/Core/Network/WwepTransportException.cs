using System;
using WwepDevice.Core.Tls;

namespace WwepDevice.Core.Network
{
    /// <summary>
    /// A connection to the server failed. <see cref="Exception.Message"/> is the one-line diagnosis the device logs.
    /// </summary>
    public class WwepTransportException : Exception
    {
        /// <summary>Creates the exception for a failure that is not a TLS handshake problem.</summary>
        /// <param name="failure">What failed.</param>
        /// <param name="diagnosis">One line naming the cause and the fix.</param>
        public WwepTransportException(TransportFailure failure, string diagnosis)
            : base(diagnosis)
        {
            Failure = failure;
            TlsCause = TlsFailureCause.Unknown;
        }

        /// <summary>Creates the exception for a failed TLS connection.</summary>
        /// <param name="failure">What failed (usually <see cref="TransportFailure.TlsHandshake"/>).</param>
        /// <param name="tlsCause">The likely cause.</param>
        /// <param name="diagnosis">One line naming the cause and the fix.</param>
        public WwepTransportException(TransportFailure failure, TlsFailureCause tlsCause, string diagnosis)
            : base(diagnosis)
        {
            Failure = failure;
            TlsCause = tlsCause;
        }

        /// <summary>What failed.</summary>
        public TransportFailure Failure { get; private set; }

        /// <summary>For TLS failures, the likely cause; otherwise <see cref="TlsFailureCause.Unknown"/>.</summary>
        public TlsFailureCause TlsCause { get; private set; }
    }
}
