using System;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Protocol;
using WwepDevice.Core.Settings;

namespace WwepDevice.Benchmarks
{
    /// <summary>
    /// Prints the bytes allocated per message on the device's hot path, measured on desktop .NET 10. That runtime keeps
    /// structs and string literals off the heap, so its figures say nothing about the board's: the nanoCLR puts every
    /// struct copy and every executed literal on the heap (nf-build/README.md, "Benchmarks", has the nanoCLR figures).
    /// What this still catches is a new per-message buffer or string on the host. Baseline, in the same run: the codec
    /// alone (build the request, parse the reply).
    /// </summary>
    public static class Program
    {
        private const int Messages = 200_000;

        public static int Main()
        {
            var transport = new EchoConnection();
            var sender = new LedStateSender(transport, new FixedClock(), new WwepSettings(), 0x02E8);
            byte[] request = new byte[WwepCodec.WriteLength];
            byte[] reply = new byte[WwepCodec.AcceptLength];

            // Warm up JIT and tiering so the figures are steady state.
            Measure(() => CodecOnly(request, reply, 1), 10_000);
            Measure(() => sender.Send(true, TransportKind.Plain), 10_000);

            double codec = Measure(() => CodecOnly(request, reply, 1), Messages);
            double plain = Measure(() => sender.Send(true, TransportKind.Plain), Messages);
            double tls = Measure(() => sender.Send(false, TransportKind.Tls), Messages);

            Console.WriteLine($"messages per run             {Messages}");
            Console.WriteLine($"codec only (baseline)        {codec,8:F1} bytes/message");
            Console.WriteLine($"sender, plain, echo reply    {plain,8:F1} bytes/message  ({Ratio(plain, codec)} the baseline)");
            Console.WriteLine($"sender, TLS kind, echo reply {tls,8:F1} bytes/message  ({Ratio(tls, codec)} the baseline)");
            bool met = plain <= 256 && tls <= 256;
            Console.WriteLine(met ? "desktop .NET: at most 256 bytes/message (not the board's figure)" : "desktop .NET: MORE than 256 bytes/message, so the board allocates at least that much too");
            return met ? 0 : 1;
        }

        private static void CodecOnly(byte[] request, byte[] reply, int value)
        {
            WwepCodec.BuildWrite(request, 0, 0x02E8, WwepCodec.LedRegister, value);
            WwepCodec.BuildAccept(reply, 0, 0x02E8, WwepCodec.LedRegister, value);
            WwepCodec.ParseReply(reply, 0, reply.Length, out WwepMessage _);
        }

        private static double Measure(Action action, int count)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < count; i++)
            {
                action();
            }

            return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)count;
        }

        private static string Ratio(double value, double baseline)
        {
            return baseline < 0.5 ? $"+{value - baseline:F1} bytes over" : $"{value / baseline:F2}x";
        }
    }
}
