namespace WwepDevice.Tests.Fakes
{
    /// <summary>Called by <see cref="FakeTransport"/> at each connect.</summary>
    /// <param name="connectNumber">1 for the first connect.</param>
    public delegate void ConnectHook(int connectNumber);
}
