using System;
using System.IO;
using WwepDevice.Core.Settings;

namespace WwepDevice.Esp32
{
    /// <summary>
    /// Reads the board's settings file from internal storage and reports what happened; the core
    /// (<see cref="BoardSettingsLoader"/>) decides what it means. API as in nanoframework/System.IO.FileSystem
    /// v1.1.93, System.IO.FileSystem/File.cs (<c>File.Exists</c>) and FileStream.cs
    /// (<c>FileStream(string, FileMode, FileAccess)</c>, <c>Read(byte[], int, int)</c>).
    /// </summary>
    public static class SettingsFileReader
    {
        /// <summary>Reads at most <see cref="BoardSettingsFile.MaxBytes"/> + 1 bytes, so the core can tell an oversized file.</summary>
        /// <param name="path">The file, <see cref="BoardSettingsFile.FilePath"/>.</param>
        /// <returns>Missing, the bytes, or the exception's type and message.</returns>
        public static SettingsFileRead Read(string path)
        {
            try
            {
                if (!File.Exists(path))
                {
                    return SettingsFileRead.Missing();
                }

                byte[] buffer = new byte[BoardSettingsFile.MaxBytes + 1];
                int length = 0;
                using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    while (length < buffer.Length)
                    {
                        int read = stream.Read(buffer, length, buffer.Length - length);
                        if (read <= 0)
                        {
                            break;
                        }

                        length += read;
                    }
                }

                return SettingsFileRead.Read(buffer, length);
            }
            catch (Exception ex)
            {
                return SettingsFileRead.Failed(ex.GetType().Name, ex.Message);
            }
        }
    }
}
