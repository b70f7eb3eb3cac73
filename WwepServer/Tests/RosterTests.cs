using System;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>The roster file: lines <c>device ID,name</c>, an optional header, and one clear error for a bad line.</summary>
    public sealed class RosterTests
    {
        [Fact]
        public void NamesAreReadByDeviceIdWithOrWithoutAHeader()
        {
            Roster withHeader = Roster.Parse("r.csv", new[] { "device ID,name", "0FAC,Ada", "", "# a comment", "02e8 , \"Grace Hopper\"" });
            Assert.Equal("Ada", withHeader.NameOf("0FAC"));
            Assert.Equal("Grace Hopper", withHeader.NameOf("02E8"));
            Assert.Null(withHeader.NameOf("1A2B"));
            Assert.Equal(2, withHeader.Names.Count);

            Roster plain = Roster.Parse("r.csv", new[] { "0FAC,Ada, Countess of Lovelace" });
            Assert.Equal("Ada, Countess of Lovelace", plain.NameOf("0FAC"));
        }

        [Theory]
        [InlineData(new[] { "0FAC,Ada", "0FA,Bob" }, "roster r.csv line 2 '0FA,Bob': '0FA' is not a device ID (4 hex digits such as 0FAC); each line is: device ID,name")]
        [InlineData(new[] { "0FAC" }, "roster r.csv line 1 '0FAC': no name after the device ID; each line is: device ID,name (for example 0FAC,Ada)")]
        [InlineData(new[] { "0FAC,Ada", "0fac,Bob" }, "roster r.csv line 2 '0fac,Bob': device 0FAC is already on line 1; give each board one line")]
        [InlineData(new[] { "id,name", "name,id" }, "roster r.csv line 2 'name,id': 'name' is not a device ID (4 hex digits such as 0FAC); each line is: device ID,name")]
        public void ABadLineIsOneErrorNamingFileAndLine(string[] lines, string expected)
        {
            StartupException error = Assert.Throws<StartupException>(() => Roster.Parse("r.csv", lines));
            Assert.Equal(expected, error.Message);
        }

        [Fact]
        public void AMissingFileIsNamed()
        {
            StartupException error = Assert.Throws<StartupException>(() => Roster.Load("/nonexistent/roster.csv"));
            Assert.StartsWith("cannot read the roster /nonexistent/roster.csv: ", error.Message);
            Assert.DoesNotContain("\n", error.Message);
        }
    }
}
