using System;
using System.Text;

namespace NfBuild.DeployCheck
{
    /// <summary>
    /// What the header of one nanoFramework v1 assembly (a .pe file, as the MetadataProcessor writes it) says about the
    /// native code it needs. The header is the nanoCLR's CLR_RECORD_ASSEMBLY, little-endian
    /// (nanoframework/nf-interpreter src/CLR/Include/nanoCLR_Types.h; written field by field by
    /// nanoframework/metadata-processor MetadataProcessor.Shared/nanoAssemblyDefinition.cs, Write, at v3.0.92):
    /// bytes 0-7 the marker "NFMRK1", 8-11 header CRC, 12-15 assembly CRC, 16-19 flags, 20-23 nativeMethodsChecksum
    /// (nanoTablesContext.NativeMethodsCrc: 0 when the assembly has no native methods), 24-27 patchEntryOffset,
    /// 28-35 the version (four 16-bit numbers), 36-37 the assembly name (a string id), 38-39 the string table version,
    /// 40-103 startOfTables[16] (32-bit offsets; [11] is TBL_Strings, [15] TBL_EndOfAssembly, the assembly's size),
    /// 104-107 numOfPatchedMethods, 108-123 paddingOfTables.
    /// </summary>
    public sealed class PeAssembly
    {
        /// <summary>Length of the header in bytes.</summary>
        public const int HeaderLength = 124;

        /// <summary>Offset of nativeMethodsChecksum.</summary>
        public const int NativeChecksumOffset = 20;

        /// <summary>Offset of the version.</summary>
        public const int VersionOffset = 28;

        /// <summary>Offset of the assembly name's string id.</summary>
        public const int NameOffset = 36;

        /// <summary>Offset of startOfTables.</summary>
        public const int TablesOffset = 40;

        private const string MarkerV1 = "NFMRK1";
        private const string MarkerV2 = "NFMRK2";
        private const int StringsTable = 11;
        private const int EndOfAssemblyTable = 15;

        private PeAssembly(string name, Version version, uint nativeChecksum, int size)
        {
            Name = name;
            Version = version;
            NativeChecksum = nativeChecksum;
            Size = size;
        }

        /// <summary>The assembly name, as the nanoCLR looks up its native code (for example <c>System.Net</c>).</summary>
        public string Name { get; }

        /// <summary>The managed assembly's version.</summary>
        public Version Version { get; }

        /// <summary>The checksum of the native methods it was built against; 0 when it has none.</summary>
        public uint NativeChecksum { get; }

        /// <summary>Its size in bytes (startOfTables[TBL_EndOfAssembly]).</summary>
        public int Size { get; }

        /// <summary>Reads the assembly that starts at <paramref name="offset"/>.</summary>
        /// <param name="data">A .pe file, or a deployment image of several.</param>
        /// <param name="offset">Where its header starts.</param>
        /// <param name="what">How to name the place in an error (a file, an offset in an image).</param>
        /// <returns>The assembly.</returns>
        /// <exception cref="ImageFormatException">It is not a v1 nanoFramework assembly.</exception>
        public static PeAssembly Read(byte[] data, int offset, string what)
        {
            if (data.Length - offset < HeaderLength)
            {
                throw new ImageFormatException(what + " is too short for a nanoFramework assembly header (" + HeaderLength + " bytes)");
            }

            string marker = Encoding.ASCII.GetString(data, offset, MarkerV1.Length);
            if (marker == MarkerV2)
            {
                throw new ImageFormatException(what + " is a nanoFramework v2 assembly (NFMRK2): this project builds for v1 (NFMRK1) and its firmware");
            }

            if (marker != MarkerV1)
            {
                throw new ImageFormatException(what + " does not start with a nanoFramework assembly marker (NFMRK1): is it the .bin that nf-build/build made?");
            }

            uint checksum = ReadUInt32(data, offset + NativeChecksumOffset);
            Version version = new Version(
                ReadUInt16(data, offset + VersionOffset),
                ReadUInt16(data, offset + VersionOffset + 2),
                ReadUInt16(data, offset + VersionOffset + 4),
                ReadUInt16(data, offset + VersionOffset + 6));
            int nameId = ReadUInt16(data, offset + NameOffset);
            long size = ReadUInt32(data, offset + TablesOffset + (4 * EndOfAssemblyTable));
            long strings = ReadUInt32(data, offset + TablesOffset + (4 * StringsTable));
            if (size < HeaderLength || offset + size > data.Length)
            {
                throw new ImageFormatException(what + " says it is " + size + " bytes long, but " + (data.Length - offset) + " are there: the file is cut short or damaged; build it again");
            }

            return new PeAssembly(ReadName(data, offset, (int)strings, (int)size, nameId, what), version, checksum, (int)size);
        }

        private static string ReadName(byte[] data, int offset, int strings, int size, int nameId, string what)
        {
            if (WellKnownStrings.IsReference(nameId))
            {
                string? known = WellKnownStrings.Resolve(nameId);
                if (known == null)
                {
                    throw new ImageFormatException(what + " names itself by the nanoCLR's built-in string 0x" + nameId.ToString("X4") + ", which nf-build does not know (nf-build/DeployCheck/WellKnownStrings.cs)");
                }

                return known;
            }

            int start = offset + strings + nameId;
            int end = start;
            while (end < offset + size && data[end] != 0)
            {
                end++;
            }

            if (end >= offset + size || end == start)
            {
                throw new ImageFormatException(what + " has no readable assembly name (string " + nameId + "): the file is damaged; build it again");
            }

            return Encoding.UTF8.GetString(data, start, end - start);
        }

        private static int ReadUInt16(byte[] data, int at)
        {
            return data[at] | (data[at + 1] << 8);
        }

        private static uint ReadUInt32(byte[] data, int at)
        {
            return (uint)(data[at] | (data[at + 1] << 8) | (data[at + 2] << 16) | (data[at + 3] << 24));
        }
    }
}
