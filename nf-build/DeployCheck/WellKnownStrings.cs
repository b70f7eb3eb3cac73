namespace NfBuild.DeployCheck
{
    /// <summary>
    /// The few entries of the nanoCLR's built-in string table that nanoFramework assemblies use as their own name.
    /// The MetadataProcessor writes a name that is in that table as a reference to it (nanoStringTable.GetOrCreateStringId
    /// through nanoStringsConstants) instead of putting it into the assembly's strings, and the nanoCLR reads such a
    /// reference back as <c>c_CLR_StringTable_Data[c_CLR_StringTable_Lookup[0xFFFF - id]]</c> for any id at or above
    /// <c>0xFFFF - c_CLR_StringTable_Size</c> (nanoframework/nf-interpreter src/CLR/Core/StringTable.cpp,
    /// CLR_RT_Assembly::GetString; indexes from src/CLR/Core/StringTableData.cpp, 860 entries, main at a3e8139a).
    /// Real mscorlib.pe of nanoFramework.CoreLibrary 1.17.11 names itself 0xFCD2, entry 0x32D.
    /// </summary>
    public static class WellKnownStrings
    {
        /// <summary>Size of the nanoCLR's built-in table: ids from 0xFFFF minus this are references into it.</summary>
        public const int TableSize = 860;

        // Entry index (0xFFFF - id) and the string, for the names a class library can carry.
        private static readonly int[] s_indexes = { 0x1BF, 0x1C0, 0x1CF, 0x1D6, 0x1D7, 0x32D };
        private static readonly string[] s_names = { "System", "System.Collections", "System.IO", "System.Text", "System.Threading", "mscorlib" };

        /// <summary>True when <paramref name="id"/> refers to the built-in table rather than to the assembly's strings.</summary>
        /// <param name="id">A string id from an assembly header.</param>
        /// <returns>Whether it is a built-in reference.</returns>
        public static bool IsReference(int id)
        {
            return id >= 0xFFFF - TableSize;
        }

        /// <summary>The built-in string an id refers to, or null when it is not one of the names known here.</summary>
        /// <param name="id">A string id at or above <c>0xFFFF - TableSize</c>.</param>
        /// <returns>The name, or null.</returns>
        public static string? Resolve(int id)
        {
            int index = 0xFFFF - id;
            for (int i = 0; i < s_indexes.Length; i++)
            {
                if (s_indexes[i] == index)
                {
                    return s_names[i];
                }
            }

            return null;
        }
    }
}
