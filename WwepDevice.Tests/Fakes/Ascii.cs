namespace WwepDevice.Tests.Fakes
{
    /// <summary>ASCII text to bytes, without System.Text (a separate package on nanoFramework).</summary>
    public static class Ascii
    {
        /// <summary>The bytes of an ASCII string.</summary>
        /// <param name="text">ASCII text.</param>
        /// <returns>One byte per character.</returns>
        public static byte[] Bytes(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }
    }
}
