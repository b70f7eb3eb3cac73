using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NfBuild.Tests
{
    /// <summary>
    /// Makes nanoFramework v1 assemblies (.pe) and deployment images (.bin) for tests: a real CLR_RECORD_ASSEMBLY header
    /// laid out as the MetadataProcessor writes it (nanoframework/metadata-processor
    /// MetadataProcessor.Shared/nanoAssemblyDefinition.cs at v3.0.92: marker, CRCs, flags, nativeMethodsChecksum at 20,
    /// version at 28, name at 36, startOfTables at 40, padding at 108), followed by a strings table that holds the name;
    /// every other table empty. Images are the .pe files back to back, each padded to 4 bytes, as the nanoFramework
    /// build makes them (nf-Visual-Studio-extension Tools.BuildTasks-2019/GenerateBinaryOutputTask.cs).
    /// </summary>
    public static class TestAssemblyImage
    {
        /// <summary>One assembly.</summary>
        /// <param name="name">Its name (kept in its own strings table).</param>
        /// <param name="version">Its version.</param>
        /// <param name="nativeChecksum">The native checksum it was built against (0: no native methods).</param>
        /// <param name="extraBytes">Bytes added to the strings table, to make sizes that are not multiples of 4.</param>
        /// <returns>The .pe bytes.</returns>
        public static byte[] Assembly(string name, Version version, uint nativeChecksum, int extraBytes = 0)
        {
            const int HeaderLength = 124;
            byte[] strings = Encoding.UTF8.GetBytes("\0" + name + "\0" + new string('x', extraBytes));
            int end = HeaderLength + strings.Length;
            using MemoryStream stream = new MemoryStream();
            using BinaryWriter writer = new BinaryWriter(stream);
            writer.Write(Encoding.ASCII.GetBytes("NFMRK1\0\0"));
            writer.Write(0u); // header CRC: not checked by nf-build
            writer.Write(0u); // assembly CRC
            writer.Write(0u); // flags
            writer.Write(nativeChecksum);
            writer.Write(0xFFFFFFFFu); // patchEntryOffset
            writer.Write((ushort)version.Major);
            writer.Write((ushort)version.Minor);
            writer.Write((ushort)Math.Max(version.Build, 0));
            writer.Write((ushort)Math.Max(version.Revision, 0));
            writer.Write((ushort)1); // the name: offset 1 in the strings table (0 is the empty string)
            writer.Write((ushort)1); // string table version
            for (int table = 0; table < 16; table++)
            {
                // Tables 0-10 empty at the header's end, 11 (strings) there too, 12-15 after the strings.
                writer.Write((uint)(table <= 11 ? HeaderLength : end));
            }

            writer.Write(0u); // patched methods
            writer.Write(new byte[16]); // paddings
            writer.Write(strings);
            writer.Flush();
            return stream.ToArray();
        }

        /// <summary>A deployment image of these assemblies.</summary>
        /// <param name="assemblies">.pe files, in image order.</param>
        /// <returns>The .bin bytes.</returns>
        public static byte[] Image(params byte[][] assemblies)
        {
            List<byte> image = new List<byte>();
            foreach (byte[] pe in assemblies)
            {
                image.AddRange(pe);
                while (image.Count % 4 != 0)
                {
                    image.Add(0);
                }
            }

            return image.ToArray();
        }
    }
}
