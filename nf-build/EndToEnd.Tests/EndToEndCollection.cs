using Xunit;

namespace WwepEndToEnd.Tests
{
    /// <summary>All end-to-end tests share the crafted PKI, made once per run.</summary>
    [CollectionDefinition(Name)]
    public sealed class EndToEndCollection : ICollectionFixture<CraftedPki>
    {
        /// <summary>The collection's name.</summary>
        public const string Name = "end-to-end";
    }
}
