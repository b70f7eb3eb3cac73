namespace WwepDevice.Core.Press
{
    /// <summary>The free managed heap now, in bytes (on the board after a collection); -1 where the runtime cannot say.</summary>
    /// <returns>Bytes free, or -1.</returns>
    public delegate long HeapProbe();
}
