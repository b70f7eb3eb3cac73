namespace WwepDevice.Core.Protocol
{
    /// <summary>Why a buffer is not a legal WWEP message. Each value has a sentence in <see cref="WwepCodec.Describe"/>.</summary>
    public enum WwepParseError
    {
        /// <summary>The message is legal.</summary>
        None = 0,

        /// <summary>Nothing was received.</summary>
        Empty,

        /// <summary>The first byte is not a command letter allowed here.</summary>
        UnknownCommand,

        /// <summary>The command letter is known but the message is shorter or longer than that command's fixed length.</summary>
        WrongLength,

        /// <summary>A field that must be hexadecimal holds another character.</summary>
        NotHex,
    }
}
