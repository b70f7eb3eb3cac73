using System;

namespace WwepDevice.Core.Settings
{
    /// <summary>
    /// What <see cref="BoardSettingsFile.Parse"/> found: the good values with their line numbers, and one line per
    /// problem. Each key appears at most once (a second line for a key is a problem).
    /// </summary>
    public sealed class BoardSettingsFileContent
    {
        private readonly BoardSettingKey[] _keys = new BoardSettingKey[BoardSettingKeys.All.Length];
        private readonly string[] _texts = new string[BoardSettingKeys.All.Length];
        private readonly int[] _numbers = new int[BoardSettingKeys.All.Length];
        private readonly int[] _lines = new int[BoardSettingKeys.All.Length];
        private string[] _problems = new string[4];
        private int _count;
        private int _problemCount;

        /// <summary>How many keys the file sets.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>The problems, each naming its fix; empty when the file is good.</summary>
        public string[] Problems
        {
            get
            {
                string[] copy = new string[_problemCount];
                Array.Copy(_problems, copy, _problemCount);
                return copy;
            }
        }

        /// <summary>The i-th key the file sets, in file order.</summary>
        /// <param name="index">0 to <see cref="Count"/> - 1.</param>
        /// <returns>The key.</returns>
        public BoardSettingKey KeyAt(int index)
        {
            return _keys[index];
        }

        /// <summary>The line the file sets a key on.</summary>
        /// <param name="key">The key.</param>
        /// <returns>Its line number, or 0 when the file does not set it.</returns>
        public int LineOf(BoardSettingKey key)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_keys[i] == key)
                {
                    return _lines[i];
                }
            }

            return 0;
        }

        /// <summary>Whether the file sets the key of that name.</summary>
        /// <param name="name">A key name.</param>
        /// <returns>True when it does.</returns>
        public bool Sets(string name)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_keys[i].Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Stores every value of the file into the settings (over what they held: the file wins).</summary>
        /// <param name="settings">The compiled settings.</param>
        public void ApplyTo(WwepSettings settings)
        {
            for (int i = 0; i < _count; i++)
            {
                _keys[i].Set(settings, _texts[i], _numbers[i]);
            }
        }

        internal void Add(BoardSettingKey key, string text, int number, int line)
        {
            _keys[_count] = key;
            _texts[_count] = text;
            _numbers[_count] = number;
            _lines[_count] = line;
            _count++;
        }

        internal void AddProblem(string problem)
        {
            if (_problemCount == _problems.Length)
            {
                string[] larger = new string[_problems.Length * 2];
                Array.Copy(_problems, larger, _problemCount);
                _problems = larger;
            }

            _problems[_problemCount++] = problem;
        }
    }
}
