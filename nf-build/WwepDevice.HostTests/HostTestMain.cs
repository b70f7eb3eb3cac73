namespace WwepDevice.Tests
{
    /// <summary>Entry point of the host run of WwepDevice.Tests.</summary>
    public static class HostTestMain
    {
        /// <summary>Runs every test, or those whose Class.Method contains the first argument.</summary>
        /// <param name="args">Optional filter.</param>
        /// <returns>0 when nothing failed.</returns>
        public static int Main(string[] args)
        {
            return nanoFramework.TestFramework.NfTestRunner.Run(typeof(HostTestMain).Assembly, args.Length > 0 ? args[0] : null);
        }
    }
}
