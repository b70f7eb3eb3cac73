namespace WwepDevice.Core.Settings
{
    /// <summary>How the device's button(s) reach the server.</summary>
    public enum LinkMode
    {
        /// <summary>Course exercise 6A: in the clear, port 27708.</summary>
        Plain = 0,

        /// <summary>Course exercise 6B.1: TLS only, port 40508. Never falls back to plain TCP.</summary>
        Tls = 1,

        /// <summary>Course exercise 6B.3: the first button sends in the clear, the second over TLS.</summary>
        TwoButton = 2,
    }
}
