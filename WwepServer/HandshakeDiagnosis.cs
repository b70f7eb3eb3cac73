using System;
using System.Globalization;
using System.IO;
using System.Net.Sockets;

namespace WwepServer
{
    /// <summary>
    /// Turns a failed TLS handshake into a cause, from everything the server saw: the client certificate it judged, the
    /// first bytes the client sent (<see cref="HandshakeRecorder"/>), OpenSSL's reason or the client's alert
    /// (<see cref="OpenSslReason"/>), and how the connection ended (closed, reset, silent).
    /// </summary>
    public static class HandshakeDiagnosis
    {
        /// <summary>Diagnoses one failed handshake.</summary>
        /// <param name="failure">What the handshake threw (null when it ran out of time).</param>
        /// <param name="timedOut">True when the handshake limit ended it.</param>
        /// <param name="recorder">What the client sent, and the client certificate's verdict.</param>
        /// <param name="limit">The handshake limit (--handshake-timeout), for the words.</param>
        /// <param name="time">When (UTC).</param>
        /// <param name="peer">Client address and port.</param>
        /// <param name="address">Client address.</param>
        /// <returns>The failure with its cause.</returns>
        public static ConnectionFailure Diagnose(Exception? failure, bool timedOut, HandshakeRecorder recorder, TimeSpan limit, DateTime time, string peer, string address)
        {
            ClientCertificateVerdict? verdict = recorder.ClientCertificate;
            string? identity = verdict?.CommonName;
            ClientHelloSummary? hello = ClientHelloSummary.TryRead(recorder.FirstBytes);
            ConnectionFailure Found(FailureCause cause, string? detail, string? sent = null)
            {
                return new ConnectionFailure(time, "TLS", peer, address, identity, cause, detail, sent, hello?.ServerName);
            }

            if (verdict != null && verdict.Refusal is FailureCause refusal)
            {
                return Found(refusal, verdict.Detail);
            }

            ReadOnlySpan<byte> first = recorder.FirstBytes;
            string limitWords = "for " + limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s (--handshake-timeout)";
            if (first.Length == 0)
            {
                return timedOut
                    ? Found(FailureCause.SilentBeforeHello, "nothing sent " + limitWords)
                    : Found(FailureCause.ClosedBeforeHello, Ending(failure));
            }

            if (WireGuess.OnTlsPort(first) is FailureCause wrongProtocol)
            {
                return Found(wrongProtocol, recorder.BytesReceived + " byte(s), no TLS record", ClientText.FromBytes(first.ToArray(), 0, first.Length));
            }

            string helloWords = hello == null ? string.Empty : HelloWords(hello);
            if (timedOut)
            {
                return Found(FailureCause.StalledMidHandshake, recorder.BytesReceived + " byte(s) of handshake, then nothing " + limitWords + helloWords);
            }

            OpenSslReason? reason = failure == null ? null : OpenSslReason.Find(failure);
            if (reason != null)
            {
                return Found(reason.Cause(), reason.Describe() + helloWords);
            }

            if (failure is System.Security.Authentication.AuthenticationException && failure.InnerException == null)
            {
                // SslStream's own framing check: "Cannot determine the frame size or a corrupted frame was received".
                return Found(FailureCause.NotTls, failure.Message, ClientText.FromBytes(first.ToArray(), 0, first.Length));
            }

            return Found(FailureCause.VanishedMidHandshake, Ending(failure) + " after " + recorder.BytesReceived + " byte(s) of handshake" + helloWords);
        }

        // The ClientHello's evidence: the newest version offered (what "unsupported protocol" does not say) and the name
        // the client asked for (what a refused name is about).
        private static string HelloWords(ClientHelloSummary hello)
        {
            string words = hello.NewestVersion > 0 ? "; the client offers " + hello.NewestVersionName + " at most" : string.Empty;
            return hello.ServerName != null ? words + "; it asked for '" + hello.ServerName + "'" : words;
        }

        // How the connection ended, in words: a reset is not the same as a close.
        private static string Ending(Exception? failure)
        {
            for (Exception? e = failure; e != null; e = e.InnerException)
            {
                if (e is SocketException socket)
                {
                    return socket.SocketErrorCode == SocketError.ConnectionReset ? "reset by the client" : "socket error: " + socket.Message;
                }
            }

            return failure is IOException || failure == null ? "closed by the client" : failure.Message;
        }
    }
}
