namespace WwepDevice.Core.Settings
{
    /// <summary>
    /// The raw facts of one attempt to read the board's settings file, as the storage adapter found them. The adapter
    /// decides nothing; <see cref="BoardSettingsLoader"/> turns these facts into settings or into problem lines.
    /// </summary>
    public sealed class SettingsFileRead
    {
        private SettingsFileRead(SettingsFileReadKind kind, byte[] content, int length, string exceptionType, string exceptionMessage)
        {
            Kind = kind;
            Content = content;
            Length = length;
            ExceptionType = exceptionType;
            ExceptionMessage = exceptionMessage;
        }

        /// <summary>Missing, read, or failed.</summary>
        public SettingsFileReadKind Kind { get; private set; }

        /// <summary>The bytes read (the first <see cref="Length"/> count); null unless <see cref="SettingsFileReadKind.Content"/>.</summary>
        public byte[] Content { get; private set; }

        /// <summary>How many bytes of <see cref="Content"/> were read.</summary>
        public int Length { get; private set; }

        /// <summary>The name of the exception's type (for example <c>IOException</c>); null unless failed.</summary>
        public string ExceptionType { get; private set; }

        /// <summary>The exception's message; null unless failed.</summary>
        public string ExceptionMessage { get; private set; }

        /// <summary>There is no settings file on the board.</summary>
        /// <returns>The fact.</returns>
        public static SettingsFileRead Missing()
        {
            return new SettingsFileRead(SettingsFileReadKind.Missing, null, 0, null, null);
        }

        /// <summary>The file was read.</summary>
        /// <param name="content">A buffer holding the bytes.</param>
        /// <param name="length">How many bytes of it were read (at most <see cref="BoardSettingsFile.MaxBytes"/> + 1).</param>
        /// <returns>The fact.</returns>
        public static SettingsFileRead Read(byte[] content, int length)
        {
            return new SettingsFileRead(SettingsFileReadKind.Content, content, length, null, null);
        }

        /// <summary>Opening or reading the file threw.</summary>
        /// <param name="exceptionType">The exception's type name.</param>
        /// <param name="exceptionMessage">Its message (may be empty).</param>
        /// <returns>The fact.</returns>
        public static SettingsFileRead Failed(string exceptionType, string exceptionMessage)
        {
            return new SettingsFileRead(SettingsFileReadKind.Failed, null, 0, exceptionType, exceptionMessage);
        }
    }
}
