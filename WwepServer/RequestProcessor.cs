using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WwepDevice.Core.Protocol;

namespace WwepServer
{
    /// <summary>
    /// Turns one complete request into its reply: parse with the device's codec, apply the device-identity rule,
    /// read or durably write the register, build <c>A</c> (uppercase) or exactly <c>X</c>.
    /// </summary>
    public sealed class RequestProcessor
    {
        private readonly RegisterStore _store;

        /// <summary>Creates the processor.</summary>
        /// <param name="store">The registers (it logs its own failures).</param>
        public RequestProcessor(RegisterStore store)
        {
            _store = store;
        }

        /// <summary>Answers a request.</summary>
        /// <param name="request">The received bytes from offset 0.</param>
        /// <param name="count">How many.</param>
        /// <param name="identity">The mutual-TLS identity, or null when the connection has none (plain, or TLS without client certificates).</param>
        /// <param name="reply">Receives the reply from offset 0; at least <see cref="WwepCodec.AcceptLength"/> bytes.</param>
        /// <returns>The reply's length and, for X, the reason (and the failure cause, for an identity refusal).</returns>
        public async ValueTask<ReplyOutcome> ProcessAsync(byte[] request, int count, ClientIdentity? identity, byte[] reply)
        {
            WwepParseError error = WwepCodec.ParseRequest(request, 0, count, out WwepMessage message);
            if (error != WwepParseError.None)
            {
                return Reject(reply, WwepCodec.Describe(error));
            }

            if (identity != null && !identity.Allows(message.DeviceId))
            {
                // The connection's failure log names it (once per address, not once per request).
                string reason = "device " + DeviceIdentity.ToHex(message.DeviceId) + " is not the client certificate's (CN=" + identity.CommonName + ")";
                return new ReplyOutcome(WwepCodec.BuildReject(reply, 0), reason, FailureCause.OtherDevice);
            }

            if (message.IsWrite)
            {
                try
                {
                    await _store.WriteAsync(message.DeviceId, message.Register, message.Value).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    // Already logged by the store (or the server is stopping): the client must not believe it stored.
                    return Reject(reply, "not stored: " + e.Message);
                }

                return new ReplyOutcome(WwepCodec.BuildAccept(reply, 0, message.DeviceId, message.Register, message.Value), null);
            }

            if (!_store.TryRead(message.DeviceId, message.Register, out int value))
            {
                return Reject(reply, "never written");
            }

            return new ReplyOutcome(WwepCodec.BuildAccept(reply, 0, message.DeviceId, message.Register, value), null);
        }

        private static ReplyOutcome Reject(byte[] reply, string reason)
        {
            return new ReplyOutcome(WwepCodec.BuildReject(reply, 0), reason);
        }
    }
}
