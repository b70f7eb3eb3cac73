using System;

namespace WwepDevice.Core
{
    /// <summary>
    /// Delivers one LED state to the server: one connection, one <c>W&lt;id&gt;05&lt;state&gt;</c>, one reply,
    /// close. Success only on <c>A</c> with the exact echo. Its buffers are allocated once, so a send produces
    /// little garbage on a board with a small heap.
    /// </summary>
    public sealed class LedStateSender
    {
        // Room for an 11-byte reply, or an X with the course server's reason text.
        private const int ReplyBufferLength = 64;

        // The value that makes an exchange a read of the LED register instead of a write.
        private const int ReadRequest = -1;

        private readonly IWwepTransport _transport;
        private readonly IClock _clock;
        private readonly WwepSettings _settings;
        private readonly int _deviceId;
        private readonly byte[] _request = new byte[WwepCodec.WriteLength];
        private readonly byte[] _reply = new byte[ReplyBufferLength];
        private int _received;

        /// <summary>Creates a sender for one device.</summary>
        /// <param name="transport">Opens connections.</param>
        /// <param name="clock">The device clock (TLS is not attempted while it is unset).</param>
        /// <param name="settings">Host, ports, TLS name.</param>
        /// <param name="deviceId">This device's ID.</param>
        public LedStateSender(IWwepTransport transport, IClock clock, WwepSettings settings, int deviceId)
        {
            _transport = transport;
            _clock = clock;
            _settings = settings;
            _deviceId = deviceId;
            LastDiagnosis = string.Empty;
            LastTlsCause = TlsFailureCause.Unknown;
        }

        /// <summary>This device's ID.</summary>
        public int DeviceId
        {
            get { return _deviceId; }
        }

        /// <summary>After a failed <see cref="Send"/>: one line naming the cause and the fix. Empty after success.</summary>
        public string LastDiagnosis { get; private set; }

        /// <summary>After a <see cref="SendOutcome.TransportFailed"/>: what failed.</summary>
        public TransportFailure LastFailure { get; private set; }

        /// <summary>After a TLS failure: the likely cause.</summary>
        public TlsFailureCause LastTlsCause { get; private set; }

        /// <summary>
        /// True when the last failure will happen again on a retry (a refused request, a certificate that does not
        /// fit): the device then waits for the next press instead of retrying.
        /// </summary>
        public bool LastFailureIsPermanent { get; private set; }

        /// <summary>After a <see cref="ReadStored"/> answered: the stored value, or -1 when the server answered <c>X</c> (never written).</summary>
        public int StoredValue { get; private set; }

        /// <summary>Sends the state once over exactly the given transport.</summary>
        /// <param name="ledOn">The LED state to store.</param>
        /// <param name="kind">Plain or TLS; a TLS failure is reported, never retried in the clear.</param>
        /// <returns>What happened; <see cref="LastDiagnosis"/> explains any failure.</returns>
        public SendOutcome Send(bool ledOn, TransportKind kind)
        {
            return Exchange(ledOn ? 1 : 0, kind);
        }

        /// <summary>
        /// Reads the stored LED state once (<c>R&lt;id&gt;05</c>) over exactly the given transport. An <c>A</c> for this
        /// device's register 05 and an <c>X</c> (the register was never written) both count as answered.
        /// </summary>
        /// <param name="kind">Plain or TLS; a TLS failure is reported, never retried in the clear.</param>
        /// <returns><see cref="SendOutcome.Acknowledged"/> with <see cref="StoredValue"/>, or what failed.</returns>
        public SendOutcome ReadStored(TransportKind kind)
        {
            return Exchange(ReadRequest, kind);
        }

        // One exchange: a write of value, or with ReadRequest a read of the LED register.
        private SendOutcome Exchange(int value, TransportKind kind)
        {
            int requestLength = value == ReadRequest
                ? WwepCodec.BuildRead(_request, 0, _deviceId, WwepCodec.LedRegister)
                : WwepCodec.BuildWrite(_request, 0, _deviceId, WwepCodec.LedRegister, value);
            LastDiagnosis = string.Empty;
            LastTlsCause = TlsFailureCause.Unknown;
            LastFailureIsPermanent = false;

            if (kind == TransportKind.Tls && _clock.UtcNow < WwepSettings.EarliestPlausibleUtc)
            {
                return TransportFailed(
                    TransportFailure.ClockNotSet,
                    TlsFailureCause.ClockNotSet,
                    TlsDiagnosis.Line(_settings.ServerHost, _settings.TlsPort, "not attempted", TlsDiagnosis.Explain(TlsFailureCause.ClockNotSet, _settings.EffectiveTlsHostName, _deviceId, _clock.UtcNow)));
            }

            IWwepConnection connection;
            try
            {
                connection = _transport.Connect(kind);
            }
            catch (WwepTransportException ex)
            {
                return TransportFailed(ex.Failure, ex.TlsCause, ex.Message);
            }

            _received = 0;
            try
            {
                connection.Send(_request, 0, requestLength);
                ReceiveReply(connection);
            }
            catch (WwepTransportException ex)
            {
                if (kind == TransportKind.Tls && _received == 0 && ex.Failure == TransportFailure.ConnectionLost)
                {
                    return RefusedAfterHandshake("reset");
                }

                return TransportFailed(ex.Failure, ex.TlsCause, ex.Message);
            }
            finally
            {
                connection.Close();
            }

            if (kind == TransportKind.Tls && _received == 0)
            {
                return RefusedAfterHandshake("closed");
            }

            return CheckReply(_received, value);
        }

        // Reads until a full 11-byte reply, the server's close, or a full buffer (an X with a long reason).
        // A timeout after some bytes still leaves those bytes to judge: an X whose sender forgot to close is an X.
        private void ReceiveReply(IWwepConnection connection)
        {
            int total = 0;
            while (total < _reply.Length)
            {
                if (total >= WwepCodec.AcceptLength && _reply[0] != WwepCodec.RejectCommand)
                {
                    break;
                }

                int want = _reply[0] == WwepCodec.RejectCommand && total > 0 ? _reply.Length - total : WwepCodec.AcceptLength - total;
                int n;
                try
                {
                    n = connection.Receive(_reply, total, want);
                }
                catch (WwepTransportException ex)
                {
                    // Bytes already in, then a timeout or a broken connection: those bytes are the whole reply. On
                    // the board a TLS server that closes without close_notify makes SslStream.Read throw instead of
                    // returning 0 (nf-interpreter ssl_read_internal.cpp: any mbedtls_ssl_read error but
                    // PEER_CLOSE_NOTIFY becomes SOCK_SOCKET_ERROR, then a SocketException), so an X followed by a
                    // bare TCP close must still count as the X it is.
                    if (total > 0 && (ex.Failure == TransportFailure.ReplyTimeout || ex.Failure == TransportFailure.ConnectionLost))
                    {
                        break;
                    }

                    throw;
                }

                if (n <= 0)
                {
                    break;
                }

                total += n;
                _received = total;
            }
        }

        private SendOutcome CheckReply(int received, int value)
        {
            WwepMessage reply;
            WwepParseError error = WwepCodec.ParseReply(_reply, 0, received, out reply);
            bool read = value == ReadRequest;
            if (error == WwepParseError.None && (read ? TakeStoredValue(reply) : reply.IsAccept && WwepCodec.IsEchoOf(reply, _deviceId, WwepCodec.LedRegister, value)))
            {
                return SendOutcome.Acknowledged;
            }

            // Only failures pay for text.
            string sent = WwepCodec.ToPrintable(_request, 0, read ? WwepCodec.ReadLength : WwepCodec.WriteLength);
            if (error == WwepParseError.Empty)
            {
                return Fail(SendOutcome.BadReply, "server closed the connection without replying to " + sent + ": it may refuse this device or not speak WWEP on this port", false);
            }

            if (error != WwepParseError.None)
            {
                string detail = received < WwepCodec.AcceptLength && _reply[0] == WwepCodec.AcceptCommand
                    ? "short reply (" + received.ToString() + " of " + WwepCodec.AcceptLength.ToString() + " bytes)"
                    : WwepCodec.Describe(error);
                return Fail(SendOutcome.BadReply, "bad reply to " + sent + ": " + detail + ", got '" + WwepCodec.ToPrintable(_reply, 0, received) + "'; is this a WWEP server?", false);
            }

            if (reply.IsReject)
            {
                string reason = reply.ReasonLength > 0
                    ? " (" + WwepCodec.ToPrintable(_reply, reply.ReasonOffset, reply.ReasonLength) + ")"
                    : string.Empty;
                return Fail(SendOutcome.Rejected, "server rejected " + sent + " with X" + reason + ": it refuses this request (a client certificate for another device ID, or a server that does not accept register 05)", true);
            }

            return Fail(SendOutcome.EchoMismatch, "server answered " + WwepCodec.ToPrintable(_reply, 0, WwepCodec.AcceptLength) + " to " + sent + (read ? ": not this device's register 05, so the stored state is unknown" : ": not the echo of the write, so it is not counted as stored"), false);
        }

        // A read is answered by an A for this device's register 05 (any value: the caller judges it) or an X, which by
        // the contract means a register never written.
        private bool TakeStoredValue(WwepMessage reply)
        {
            if (reply.IsReject)
            {
                StoredValue = -1;
                return true;
            }

            if (reply.IsAccept && reply.DeviceId == _deviceId && reply.Register == WwepCodec.LedRegister)
            {
                StoredValue = reply.Value;
                return true;
            }

            return false;
        }

        // Under TLS 1.3 the client's handshake is over before the server judges the client certificate, so a server
        // that refuses a missing or foreign-CA certificate shows up as a close or reset before the first reply byte,
        // not as a handshake alert. Without a client certificate that is almost surely the cause: say so, and do
        // not retry what cannot succeed. With one, a server that went away is as likely: retry.
        private SendOutcome RefusedAfterHandshake(string evidence)
        {
            string explanation = TlsDiagnosis.Explain(TlsFailureCause.ClientCertificateRefused, _settings.EffectiveTlsHostName, _deviceId, _clock.UtcNow);
            TransportFailed(TransportFailure.TlsHandshake, TlsFailureCause.ClientCertificateRefused, TlsDiagnosis.Line(_settings.ServerHost, _settings.TlsPort, "TLS session " + evidence + " after the handshake, before any reply", explanation));
            LastFailureIsPermanent = !_settings.UseClientCertificate;
            return SendOutcome.TransportFailed;
        }

        private SendOutcome Fail(SendOutcome outcome, string diagnosis, bool permanent)
        {
            LastDiagnosis = diagnosis;
            LastFailureIsPermanent = permanent;
            return outcome;
        }

        private SendOutcome TransportFailed(TransportFailure failure, TlsFailureCause cause, string diagnosis)
        {
            LastFailure = failure;
            LastTlsCause = cause;
            LastDiagnosis = diagnosis;
            LastFailureIsPermanent = IsPermanent(failure, cause);
            return SendOutcome.TransportFailed;
        }

        // Certificate problems need a person (new certificate, new firmware, new server setup): retrying within
        // seconds only repeats the same 33 KB handshake. Network trouble and an unset clock heal by themselves.
        private static bool IsPermanent(TransportFailure failure, TlsFailureCause cause)
        {
            if (failure == TransportFailure.TlsSetup)
            {
                // Unusable embedded credentials need a person; a setup that found no heap may work next time.
                return cause != TlsFailureCause.SetupFailed;
            }

            if (failure != TransportFailure.TlsHandshake)
            {
                return false;
            }

            switch (cause)
            {
                case TlsFailureCause.UnknownCa:
                case TlsFailureCause.NameMismatch:
                case TlsFailureCause.CertificateExpired:
                case TlsFailureCause.UnacceptableAlgorithm:
                case TlsFailureCause.ClientCertificateRefused:
                case TlsFailureCause.FatalAlert:
                case TlsFailureCause.BadEmbeddedCredential:
                case TlsFailureCause.NoCommonProtocol:
                    return true;
                default:
                    return false;
            }
        }
    }
}
