using System;
using System.Net.Sockets;
using System.Reflection;

namespace WwepDevice.Esp32
{
    /// <summary>
    /// Reads the code a failed TLS or socket call carries, without judging it: <c>SocketException.ErrorCode</c>, or
    /// <c>System.Security.Cryptography.CryptographicException.ErrorCode</c> that firmware from July 2026 on throws
    /// (nf-interpreter #3460/#3468). The latter is read by name because not every System.Net release declares the type.
    /// What a code means is decided in <c>WwepDevice.Core.Tls.HandshakeFailure</c>.
    /// </summary>
    public static class MbedTlsErrorCode
    {
        /// <summary>The code carried by <paramref name="ex"/>.</summary>
        /// <param name="ex">What the platform threw.</param>
        /// <param name="code">The code, when there is one.</param>
        /// <returns>Whether the exception carried a code.</returns>
        public static bool TryGet(Exception ex, out int code)
        {
            code = 0;
            if (ex == null)
            {
                return false;
            }

            SocketException socketError = ex as SocketException;
            if (socketError != null)
            {
                code = socketError.ErrorCode;
                return true;
            }

            MethodInfo getter = ex.GetType().GetMethod("get_ErrorCode");
            if (getter == null)
            {
                return false;
            }

            object value = getter.Invoke(ex, null);
            if (!(value is int))
            {
                return false;
            }

            code = (int)value;
            return true;
        }
    }
}
