using System.Collections.Generic;

namespace WwepCerts
{
    /// <summary>What a Resources.Designer.cs declares: its namespace, the resource manager's base name, and the IDs.</summary>
    /// <param name="Namespace">The namespace of the Resources class.</param>
    /// <param name="ResourceManagerName">The base name passed to ResourceManager, for example "WwepDevice.Resources".</param>
    /// <param name="Ids">Enum member name to ID, over every enum in the class.</param>
    public sealed record DesignerIds(string? Namespace, string? ResourceManagerName, IReadOnlyDictionary<string, short> Ids);
}
