using System;
using System.Text;

namespace WwepServer
{
    /// <summary>
    /// Tells from a connection's first bytes what kind of client came, so that a client on the wrong port is named as
    /// such: a ClientHello on the plain port, plain WWEP or a browser on the TLS port.
    /// </summary>
    public static class WireGuess
    {
        // The request methods a browser or HTTP tool starts with (RFC 9110), each with its space.
        private static readonly byte[][] HttpMethods = Array.ConvertAll(
            new[] { "GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "CONNECT ", "PATCH ", "TRACE " },
            method => Encoding.ASCII.GetBytes(method));

        /// <summary>Guesses from the first bytes.</summary>
        /// <param name="data">What the client sent first.</param>
        /// <returns>The guess.</returns>
        public static WireKind Of(ReadOnlySpan<byte> data)
        {
            if (data.Length == 0)
            {
                return WireKind.Nothing;
            }

            // A TLS record: content type 22 (handshake), then the major version 3 of every SSL 3 / TLS version.
            if (data[0] == 0x16 && (data.Length == 1 || data[1] == 0x03))
            {
                return WireKind.Tls;
            }

            foreach (byte[] method in HttpMethods)
            {
                if (data.StartsWith(method))
                {
                    return WireKind.Http;
                }
            }

            byte first = (byte)(data[0] | 0x20);
            return (first == 'w' || first == 'r') && IsText(data) ? WireKind.Wwep : WireKind.Other;
        }

        /// <summary>The cause for what came to the plain port, when it is not WWEP gone wrong but another protocol.</summary>
        /// <param name="data">The request bytes.</param>
        /// <returns>TLS or HTTP on the plain port, or null.</returns>
        public static FailureCause? OnPlainPort(ReadOnlySpan<byte> data)
        {
            // A board's request starts with W or R: one compare keeps the plain hot path as it was.
            if (data.Length == 0 || data[0] == 'W' || data[0] == 'R')
            {
                return null;
            }

            return Of(data) switch
            {
                WireKind.Tls => FailureCause.TlsOnPlainPort,
                WireKind.Http => FailureCause.HttpOnWwepPort,
                _ => null,
            };
        }

        /// <summary>The cause for what came to the TLS port before any handshake, when it was no TLS at all.</summary>
        /// <param name="data">The first bytes.</param>
        /// <returns>Plain WWEP, HTTP or other bytes on the TLS port, or null for TLS (and for nothing).</returns>
        public static FailureCause? OnTlsPort(ReadOnlySpan<byte> data)
        {
            return Of(data) switch
            {
                WireKind.Wwep => FailureCause.PlainOnTlsPort,
                WireKind.Http => FailureCause.HttpOnWwepPort,
                WireKind.Other => FailureCause.NotTls,
                _ => null,
            };
        }

        // Printable ASCII (a request typed or sent as text), line ends allowed.
        private static bool IsText(ReadOnlySpan<byte> data)
        {
            foreach (byte b in data)
            {
                if ((b < 0x20 || b > 0x7E) && b != '\r' && b != '\n')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
