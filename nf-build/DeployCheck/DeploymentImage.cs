using System.Collections.Generic;

namespace NfBuild.DeployCheck
{
    /// <summary>
    /// The assemblies in a deployment image. The .bin that the nanoFramework build makes (and nanoff deploys) is every
    /// .pe file of the application and its references, one after the other, each padded with zeros to a multiple of
    /// 4 bytes (nanoframework/nf-Visual-Studio-extension Tools.BuildTasks-2019/GenerateBinaryOutputTask.cs, Execute).
    /// </summary>
    public static class DeploymentImage
    {
        /// <summary>Reads every assembly of an image (a single .pe is an image of one).</summary>
        /// <param name="data">The file's bytes.</param>
        /// <param name="name">The file's name, for errors.</param>
        /// <returns>The assemblies, in image order.</returns>
        /// <exception cref="ImageFormatException">Something in it is not a v1 nanoFramework assembly.</exception>
        public static PeAssembly[] Read(byte[] data, string name)
        {
            if (data.Length == 0)
            {
                throw new ImageFormatException(name + " is empty: build the application again (nf-build/build)");
            }

            List<PeAssembly> assemblies = new List<PeAssembly>();
            int offset = 0;
            while (offset < data.Length)
            {
                PeAssembly assembly = PeAssembly.Read(data, offset, assemblies.Count == 0 ? name : name + " at byte " + offset);
                assemblies.Add(assembly);
                offset += (assembly.Size + 3) / 4 * 4;
            }

            return assemblies.ToArray();
        }
    }
}
