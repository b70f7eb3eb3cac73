using System.IO;
using System.Text;

namespace WwepServer.Tests
{
    /// <summary>A thread-safe text sink for the server's transaction lines.</summary>
    public sealed class CapturedText : TextWriter
    {
        private readonly StringBuilder _text = new StringBuilder();

        /// <inheritdoc />
        public override Encoding Encoding
        {
            get { return Encoding.UTF8; }
        }

        /// <inheritdoc />
        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        /// <inheritdoc />
        public override void Write(string? value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        /// <summary>Everything written so far.</summary>
        /// <returns>The text.</returns>
        public override string ToString()
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }
}
