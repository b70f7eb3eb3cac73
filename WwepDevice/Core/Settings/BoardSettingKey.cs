namespace WwepDevice.Core.Settings
{
    /// <summary>
    /// One key of the board's settings file (<c>I:\wwep.conf</c>): its name (the <see cref="WwepSettings"/> property
    /// it sets), how its value is written, and how to store and read that property.
    /// </summary>
    public sealed class BoardSettingKey
    {
        /// <summary>Creates a key.</summary>
        /// <param name="name">The key as written in the file: the property's name, for example <c>ServerHost</c>.</param>
        /// <param name="kind">How its value is written.</param>
        /// <param name="example">A valid value, shown in the problem line of a bad one.</param>
        /// <param name="set">Stores a parsed value.</param>
        /// <param name="get">Reads the value back as file text.</param>
        public BoardSettingKey(string name, SettingKind kind, string example, SettingSetter set, SettingGetter get)
        {
            Name = name;
            Kind = kind;
            Example = example;
            Set = set;
            Get = get;
        }

        /// <summary>The key as written in the file.</summary>
        public string Name { get; private set; }

        /// <summary>How its value is written.</summary>
        public SettingKind Kind { get; private set; }

        /// <summary>A valid value, for the fix of a bad one.</summary>
        public string Example { get; private set; }

        /// <summary>Stores a parsed value.</summary>
        public SettingSetter Set { get; private set; }

        /// <summary>Reads the value back as file text.</summary>
        public SettingGetter Get { get; private set; }
    }
}
