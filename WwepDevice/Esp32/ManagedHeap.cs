namespace WwepDevice.Esp32
{
    /// <summary>The board's free managed heap, for the status block.</summary>
    public static class ManagedHeap
    {
        /// <summary>A <see cref="Core.Press.HeapProbe"/>: runs a collection (without compaction) and returns what is free.</summary>
        /// <returns>Free bytes of the managed heap.</returns>
        public static long Free()
        {
            // nanoFramework.Runtime.Native's GC.Run returns the free memory after the collection; compaction is left
            // out, it could move the TLS buffers' neighbours for nothing.
            return nanoFramework.Runtime.Native.GC.Run(false);
        }
    }
}
