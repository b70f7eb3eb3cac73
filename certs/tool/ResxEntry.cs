namespace WwepCerts
{
    /// <summary>One <c>&lt;data&gt;</c> entry of a Resources.resx.</summary>
    /// <param name="Name">The name as written, possibly <c>Name;Id</c>.</param>
    /// <param name="FileReference">For a file reference, the path as written (for example <c>Resources\ca.crt.der</c>); otherwise null.</param>
    /// <param name="TypeName">For a file reference, the .NET type it is read as (<c>System.Byte[], mscorlib, ...</c>); for an inline entry its <c>type</c> attribute or "string".</param>
    public sealed record ResxEntry(string Name, string? FileReference, string TypeName)
    {
        /// <summary>The assembly-qualified name the nanoFramework tooling expects for binary resources.</summary>
        public const string ByteArrayType = "System.Byte[], mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089";

        /// <summary>True for a file read as <c>byte[]</c>: the only kind the firmware's designer class is generated for.</summary>
        public bool IsBinaryFile => FileReference != null && TypeName.StartsWith("System.Byte[]", System.StringComparison.Ordinal);

        /// <summary>The enum member name the tooling derives: the name before any <c>;</c>, with every <c>.</c> as <c>_</c>.</summary>
        public string FieldName
        {
            get
            {
                int separator = Name.IndexOf(';');
                return (separator < 0 ? Name : Name.Substring(0, separator)).Replace('.', '_');
            }
        }
    }
}
