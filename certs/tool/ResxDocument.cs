using System;
using System.Collections.Generic;
using System.IO;
using System.Security;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace WwepCerts
{
    /// <summary>Reads the entries of a Resources.resx and writes one made of binary file references.</summary>
    public static class ResxDocument
    {
        private const string FileRefType = "System.Resources.ResXFileRef, System.Windows.Forms";

        /// <summary>The entries of a resx file.</summary>
        /// <param name="path">The file.</param>
        /// <returns>The entries in file order.</returns>
        public static IReadOnlyList<ResxEntry> Read(string path)
        {
            XDocument document;
            try
            {
                document = XDocument.Load(path);
            }
            catch (XmlException ex)
            {
                throw new CertToolException(Path.GetFileName(path) + " is not valid XML (line " + ex.LineNumber + ": " + ex.Message + "): run embed to write it again", ex);
            }

            List<ResxEntry> entries = new();
            foreach (XElement data in document.Root?.Elements("data") ?? Array.Empty<XElement>())
            {
                string name = (string?)data.Attribute("name") ?? string.Empty;
                string type = (string?)data.Attribute("type") ?? string.Empty;
                string value = (string?)data.Element("value") ?? string.Empty;
                if (type.StartsWith("System.Resources.ResXFileRef", StringComparison.Ordinal))
                {
                    // "<path>;<type>[;<text encoding>]"
                    int separator = value.IndexOf(';');
                    string file = separator < 0 ? value : value.Substring(0, separator);
                    string fileType = separator < 0 ? string.Empty : value.Substring(separator + 1);
                    entries.Add(new ResxEntry(name, file.Trim(), fileType.Trim()));
                }
                else
                {
                    entries.Add(new ResxEntry(name, null, type.Length == 0 ? "string" : type));
                }
            }

            return entries;
        }

        /// <summary>Writes a resx whose entries are all binary file references.</summary>
        /// <param name="path">The file.</param>
        /// <param name="entries">Name and file reference of each entry, in the order to write them.</param>
        public static void Write(string path, IReadOnlyList<ResxEntry> entries)
        {
            StringBuilder text = new();
            text.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
            text.Append("<root>\n");
            text.Append("  <!--\n");
            text.Append("    TEST ONLY certificates for the firmware, written by the WWEP certificate tool's embed verb\n");
            text.Append("    (see certs/README.md). Run embed again rather than editing this file: it also writes\n");
            text.Append("    Resources.Designer.cs, whose IDs must match these names. Binary entries only, as DER.\n");
            text.Append("  -->\n");
            text.Append(SchemaAndHeaders);
            foreach (ResxEntry entry in entries)
            {
                text.Append("  <data name=\"").Append(SecurityElement.Escape(entry.Name)).Append("\" type=\"").Append(FileRefType).Append("\">\n");
                text.Append("    <value>").Append(SecurityElement.Escape(entry.FileReference)).Append(';').Append(SecurityElement.Escape(entry.TypeName)).Append("</value>\n");
                text.Append("  </data>\n");
            }

            text.Append("</root>\n");
            PemFiles.WriteAtomically(path, Encoding.UTF8.GetBytes(text.ToString()));
        }

        // The standard ResX 2.0 schema and headers: Visual Studio's resx editor and the resx readers
        // (Windows and Mono) expect them.
        private const string SchemaAndHeaders =
            "  <xsd:schema id=\"root\" xmlns=\"\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:msdata=\"urn:schemas-microsoft-com:xml-msdata\">\n" +
            "    <xsd:import namespace=\"http://www.w3.org/XML/1998/namespace\" />\n" +
            "    <xsd:element name=\"root\" msdata:IsDataSet=\"true\">\n" +
            "      <xsd:complexType>\n" +
            "        <xsd:choice maxOccurs=\"unbounded\">\n" +
            "          <xsd:element name=\"metadata\">\n" +
            "            <xsd:complexType>\n" +
            "              <xsd:sequence>\n" +
            "                <xsd:element name=\"value\" type=\"xsd:string\" minOccurs=\"0\" />\n" +
            "              </xsd:sequence>\n" +
            "              <xsd:attribute name=\"name\" use=\"required\" type=\"xsd:string\" />\n" +
            "              <xsd:attribute name=\"type\" type=\"xsd:string\" />\n" +
            "              <xsd:attribute name=\"mimetype\" type=\"xsd:string\" />\n" +
            "              <xsd:attribute ref=\"xml:space\" />\n" +
            "            </xsd:complexType>\n" +
            "          </xsd:element>\n" +
            "          <xsd:element name=\"assembly\">\n" +
            "            <xsd:complexType>\n" +
            "              <xsd:attribute name=\"alias\" type=\"xsd:string\" />\n" +
            "              <xsd:attribute name=\"name\" type=\"xsd:string\" />\n" +
            "            </xsd:complexType>\n" +
            "          </xsd:element>\n" +
            "          <xsd:element name=\"data\">\n" +
            "            <xsd:complexType>\n" +
            "              <xsd:sequence>\n" +
            "                <xsd:element name=\"value\" type=\"xsd:string\" minOccurs=\"0\" msdata:Ordinal=\"1\" />\n" +
            "                <xsd:element name=\"comment\" type=\"xsd:string\" minOccurs=\"0\" msdata:Ordinal=\"2\" />\n" +
            "              </xsd:sequence>\n" +
            "              <xsd:attribute name=\"name\" type=\"xsd:string\" use=\"required\" msdata:Ordinal=\"1\" />\n" +
            "              <xsd:attribute name=\"type\" type=\"xsd:string\" msdata:Ordinal=\"3\" />\n" +
            "              <xsd:attribute name=\"mimetype\" type=\"xsd:string\" msdata:Ordinal=\"4\" />\n" +
            "              <xsd:attribute ref=\"xml:space\" />\n" +
            "            </xsd:complexType>\n" +
            "          </xsd:element>\n" +
            "          <xsd:element name=\"resheader\">\n" +
            "            <xsd:complexType>\n" +
            "              <xsd:sequence>\n" +
            "                <xsd:element name=\"value\" type=\"xsd:string\" minOccurs=\"0\" msdata:Ordinal=\"1\" />\n" +
            "              </xsd:sequence>\n" +
            "              <xsd:attribute name=\"name\" type=\"xsd:string\" use=\"required\" />\n" +
            "            </xsd:complexType>\n" +
            "          </xsd:element>\n" +
            "        </xsd:choice>\n" +
            "      </xsd:complexType>\n" +
            "    </xsd:element>\n" +
            "  </xsd:schema>\n" +
            "  <resheader name=\"resmimetype\">\n" +
            "    <value>text/microsoft-resx</value>\n" +
            "  </resheader>\n" +
            "  <resheader name=\"version\">\n" +
            "    <value>2.0</value>\n" +
            "  </resheader>\n" +
            "  <resheader name=\"reader\">\n" +
            "    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>\n" +
            "  </resheader>\n" +
            "  <resheader name=\"writer\">\n" +
            "    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>\n" +
            "  </resheader>\n" +
            "  <assembly alias=\"System.Windows.Forms\" name=\"System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089\" />\n";
    }
}
