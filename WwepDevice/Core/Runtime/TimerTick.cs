namespace WwepDevice.Core.Runtime
{
    /// <summary>Called once when an <see cref="IOneShotTimer"/> runs out.</summary>
    public delegate void TimerTick();
}
