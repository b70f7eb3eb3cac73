using System.Collections;
using WwepDevice.Core.Runtime;

namespace WwepDevice.Tests.Fakes
{
    /// <summary>A log that keeps its lines for assertions.</summary>
    public sealed class RecordingLog : ILog
    {
        private readonly ArrayList _lines = new ArrayList();
        private readonly ArrayList _levels = new ArrayList();

        /// <summary>How many lines were written.</summary>
        public int Count
        {
            get { return _lines.Count; }
        }

        /// <inheritdoc/>
        public void Write(LogLevel level, string line)
        {
            lock (_lines)
            {
                _lines.Add(line);
                _levels.Add(level);
            }
        }

        /// <summary>Line <paramref name="index"/>.</summary>
        /// <param name="index">0-based.</param>
        /// <returns>The line.</returns>
        public string Line(int index)
        {
            return (string)_lines[index];
        }

        /// <summary>The level of line <paramref name="index"/>.</summary>
        /// <param name="index">0-based.</param>
        /// <returns>The level.</returns>
        public LogLevel Level(int index)
        {
            return (LogLevel)_levels[index];
        }

        /// <summary>How many lines contain <paramref name="text"/>.</summary>
        /// <param name="text">Text to look for.</param>
        /// <returns>The count.</returns>
        public int CountContaining(string text)
        {
            int count = 0;
            for (int i = 0; i < _lines.Count; i++)
            {
                if (((string)_lines[i]).IndexOf(text) >= 0)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
