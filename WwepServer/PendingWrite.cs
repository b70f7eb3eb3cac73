using System.Threading.Tasks;

namespace WwepServer
{
    /// <summary>A write waiting for the group commit that makes it durable.</summary>
    internal sealed class PendingWrite
    {
        public PendingWrite(int deviceId, int register, int value)
        {
            DeviceId = deviceId;
            Register = register;
            Value = value;

            // Continuations run inline where the write is completed: on RegisterStore's writer thread, right after
            // the commit (see RegisterStore.Commit for why that is safe and cheaper).
            Completion = new TaskCompletionSource();
        }

        public int DeviceId { get; }

        public int Register { get; }

        public int Value { get; }

        public TaskCompletionSource Completion { get; }
    }
}
