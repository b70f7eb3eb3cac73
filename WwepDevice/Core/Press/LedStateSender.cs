using System;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Network;
using WwepDevice.Core.Protocol;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;

namespace WwepDevice.Core.Press
{
    /// <summary>
    /// Delivers one LED state to the server: one connection, one <c>W&lt;id&gt;05&lt;state&gt;</c>, one reply,
    /// close. Success only on <c>A</c> with the exact echo. Its buffers and both requests are made once, and the
    /// success path checks the echo on the bytes (no <see cref="WwepMessage"/>, no string), so a delivered state costs
    /// the board's small heap next to nothing beyond what the platform's own socket allocates.
    /// </summary>
    public sealed class LedStateSender
    {
        // Room for an 11-byte reply, or an X with the course server's reason text.
        private const int ReplyBufferLength = 64;

        private readonly IWwepTransport _transport;
        private readonly IClock _clock;
        private readonly WwepSettings _settings;
        private readonly int _deviceId;
        private readonly byte[] _requestOn = new byte[WwepCodec.WriteLength];
        private readonly byte[] _requestOff = new byte[WwepCodec.WriteLength];
        private readonly byte[] _requestRead = new byte[WwepCodec.ReadLength];
        private readonly byte[] _reply = new byte[ReplyBufferLength];
        private int _received;

        // Out-of-memory causes count only when they repeat: one occurrence is retried, two in a row are permanent.
        private int _setupFailuresWithoutReasonInARow;
        private bool _setupFailedWithoutReasonThisSend;

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
            WwepCodec.BuildWrite(_requestOn, 0, deviceId, WwepCodec.LedRegister, 1);
            WwepCodec.BuildWrite(_requestOff, 0, deviceId, WwepCodec.LedRegister, 0);
            WwepCodec.BuildRead(_requestRead, 0, deviceId, WwepCodec.LedRegister);
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
            return Counted(ledOn ? _requestOn : _requestOff, WwepCodec.WriteLength, kind);
        }

        /// <summary>
        /// Reads the stored LED state once (<c>R&lt;id&gt;05</c>) over exactly the given transport. An <c>A</c> for this
        /// device's register 05 and an <c>X</c> (the register was never written) both count as answered.
        /// </summary>
        /// <param name="kind">Plain or TLS; a TLS failure is reported, never retried in the clear.</param>
        /// <returns><see cref="SendOutcome.Acknowledged"/> with <see cref="StoredValue"/>, or what failed.</returns>
        public SendOutcome ReadStored(TransportKind kind)
        {
            return Counted(_requestRead, WwepCodec.ReadLength, kind);
        }

        // One exchange, and the bookkeeping of the causes that count only when they repeat.
        private SendOutcome Counted(byte[] request, int requestLength, TransportKind kind)
        {
            _setupFailedWithoutReasonThisSend = false;
            SendOutcome outcome = Exchange(request, requestLength, kind);
            if (!_setupFailedWithoutReasonThisSend)
            {
                _setupFailuresWithoutReasonInARow = 0;
            }

            return outcome;
        }

        /// <summary>
        /// Whether one occurrence of a transport failure will happen again on a retry. Certificate problems need a
        /// person (a new certificate, new firmware, a new server setup): retrying within seconds only repeats the same
        /// 33 KB handshake, which stops every managed thread. Network trouble and an unset clock heal by themselves.
        /// </summary>
        /// <param name="failure">What failed.</param>
        /// <param name="cause">The TLS cause, if any.</param>
        /// <param name="clockSet">True when the device clock reads a plausible time.</param>
        /// <returns>True when retrying cannot help.</returns>
        public static bool IsPermanentFailure(TransportFailure failure, TlsFailureCause cause, bool clockSet)
        {
            if (failure == TransportFailure.TlsSetup)
            {
                // Unusable embedded credentials need a person; a setup that found no heap may work next time, and one
                // without a reason is retried once (the sender counts the repeat).
                return cause != TlsFailureCause.SetupFailed && cause != TlsFailureCause.SetupFailedWithoutReason;
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
                case TlsFailureCause.BadServerCertificate:
                    return true;

                // "Did not verify" without flags may be the dates: while the clock is not set it may heal by itself.
                case TlsFailureCause.VerifyFailed:
                    return clockSet;
                default:
                    return false;
            }
        }

        // One connection, one request (a write, or the read when request is _requestRead), one reply, close.
        private SendOutcome Exchange(byte[] request, int requestLength, TransportKind kind)
        {
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
                connection.Send(request, 0, requestLength);
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

            if (request != _requestRead && WwepCodec.IsAcceptEchoOfWrite(_reply, 0, _received, request, 0))
            {
                return SendOutcome.Acknowledged;
            }

            return CheckReply(_received, request, requestLength, kind);
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
                    // Bytes already in, then a timeout or a reset: those bytes are the whole reply, so an X followed
                    // by a reset is still the X it is. (A TLS close without close_notify is no exception: measured on
                    // System.Net 1.11.54's native code, SslStream.Read returns 0 for it, as for close_notify; only a
                    // reset throws, SocketException -1.)
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

        // Only failures come here, and only failures pay for a parsed message and text.
        private SendOutcome CheckReply(int received, byte[] request, int requestLength, TransportKind kind)
        {
            WwepMessage reply;
            WwepParseError error = WwepCodec.ParseReply(_reply, 0, received, out reply);
            bool read = request == _requestRead;
            if (error == WwepParseError.None && read && TakeStoredValue(reply))
            {
                return SendOutcome.Acknowledged;
            }

            string sent = WwepCodec.ToPrintable(request, 0, requestLength);
            if (error == WwepParseError.Empty)
            {
                // A TLS server reads plain WWEP as a broken ClientHello and closes: on the TLS port, the port is wrong.
                int port = _settings.PortFor(kind);
                bool tlsPortMistake = TransportMessages.IsTlsPortMistake(kind, port, _settings.TlsPort);
                return Fail(SendOutcome.BadReply, TransportMessages.ClosedWithoutReply(sent, kind, port, _settings.TlsPort), tlsPortMistake);
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


        // A close or reset after a complete handshake, before the first reply byte. With a client certificate the
        // device offers only TLS 1.2 (TlsVersionChoice), where a refused certificate is a handshake alert; so this is the
        // transport (a restarted server, a broken link, or on the older native a TLS write that failed silently:
        // ssl_write_internal.cpp returns 0 at nf-interpreter 3367392a) and is always retried, never a verdict.
        private SendOutcome RefusedAfterHandshake(string evidence)
        {
            string what = "TLS session " + evidence + " after the handshake, before any reply";
            string explanation = TlsDiagnosis.Explain(TlsFailureCause.SessionEndedAfterHandshake, _settings.EffectiveTlsHostName, _deviceId, _clock.UtcNow, _settings.UseClientCertificate);
            return TransportFailed(TransportFailure.TlsHandshake, TlsFailureCause.SessionEndedAfterHandshake, TlsDiagnosis.Line(_settings.ServerHost, _settings.TlsPort, what, explanation));
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
            LastFailureIsPermanent = IsPermanentFailure(failure, cause, _clock.UtcNow >= WwepSettings.EarliestPlausibleUtc);
            // Both usually mean "no heap": the next attempt may find it, the one after that rarely does.
            if (cause == TlsFailureCause.SetupFailedWithoutReason || cause == TlsFailureCause.OutOfMemory)
            {
                _setupFailedWithoutReasonThisSend = true;
                _setupFailuresWithoutReasonInARow++;
                LastFailureIsPermanent = _setupFailuresWithoutReasonInARow >= 2;
            }

            return SendOutcome.TransportFailed;
        }
    }
}
