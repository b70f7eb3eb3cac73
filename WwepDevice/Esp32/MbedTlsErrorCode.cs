using System;
using System.Reflection;

namespace WwepDevice.Esp32
{
    /// <summary>
    /// Reads the mbedTLS code that newer nanoFramework firmware attaches to a failed handshake
    /// (System.Security.Cryptography.CryptographicException.ErrorCode, nf-interpreter PR #3468).
    /// The type is looked up by name because the System.Net versions this firmware builds against do not all
    /// declare it: older ones, and older firmware, throw a bare SocketException instead.
    /// </summary>
    public static class MbedTlsErrorCode
    {
        private const string ExceptionTypeName = "CryptographicException";

        /// <summary>The code carried by <paramref name="ex"/>, if it is a CryptographicException.</summary>
        /// <param name="ex">What AuthenticateAsClient threw.</param>
        /// <param name="code">Negative: an mbedTLS error code; positive: MBEDTLS_X509_BADCERT_* flags.</param>
        /// <returns>Whether there was a code.</returns>
        public static bool TryGet(Exception ex, out int code)
        {
            code = 0;
            if (ex == null || ex.GetType().Name != ExceptionTypeName)
            {
                return false;
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
