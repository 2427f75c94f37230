using LambdaRoutes.Core;

namespace LambdaRoutes.Bootstrap;

/// <summary>
/// Lambda stops a timed-out invocation without a word in the function's own log; this says which request it was while
/// the process can still write (the logger carries the request id). One timer, created on first need, serves every
/// invocation: re-armed per invocation, it costs no allocation and no cancelled task on the hot path (a per-invocation
/// <c>Task.Delay</c> with a caught cancellation measured 3 µs per invocation in bench/).
/// </summary>
internal sealed class DeadlineWatchdog : IDisposable
{
    /// <summary>How long before the deadline a still-running invocation is reported.</summary>
    public static readonly TimeSpan WarningMargin = TimeSpan.FromMilliseconds(250);

    private readonly Func<long> _nowMs;
    private Timer? _timer;

    /// <summary>The running invocation's logger while the timer is armed; taken (set to null) by whoever comes first.</summary>
    private ILambdaLogger? _armed;
    private long _armedDeadlineMs;

    public DeadlineWatchdog(Func<long>? nowMs = null) =>
        _nowMs = nowMs ?? (static () => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    /// <summary>Says so at once when an invocation arrives already past its deadline (Unix ms; 0 or less: none).</summary>
    public void CheckOnArrival(ILambdaLogger logger, long deadlineMs)
    {
        if (deadlineMs > 0 && deadlineMs <= _nowMs())
            logger.LogWarning("The invocation's deadline had already passed when it arrived; Lambda may stop it at any moment.");
    }

    /// <summary>
    /// Watches an invocation whose handler is still running (it went asynchronous). The loop arms the watchdog only
    /// then: a handler that completes synchronously needs no timer, and the timer's thread, started during a cold
    /// start's first invocation, cost 2–4 ms of that invocation on a 2-vCPU machine (bench/). The price: a handler that
    /// blocks its thread synchronously until the deadline is not reported.
    /// </summary>
    public void Arm(ILambdaLogger logger, long deadlineMs)
    {
        if (deadlineMs <= 0) return;
        var left = deadlineMs - _nowMs();
        if (left <= 0) return; // reported on arrival
        var wait = left - (long)WarningMargin.TotalMilliseconds;
        if (wait <= 0)
        {
            Warn(logger);
            return;
        }
        Volatile.Write(ref _armedDeadlineMs, deadlineMs);
        Volatile.Write(ref _armed, logger);
        _timer ??= new Timer(static state => ((DeadlineWatchdog)state!).Fire(), this, Timeout.Infinite, Timeout.Infinite);
        _timer.Change(wait, Timeout.Infinite);
    }

    /// <summary>The invocation ended: nothing to report.</summary>
    public void Disarm()
    {
        if (Interlocked.Exchange(ref _armed, null) is null) return;
        _timer!.Change(Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Whether the timer (and its thread) has been created.</summary>
    internal bool HasTimer => _timer is not null;

    public void Dispose() => _timer?.Dispose();

    private void Fire()
    {
        // A callback of an earlier invocation's timer that was already on its way when this invocation re-armed it:
        // too early for the current deadline (the timer is set for the right time and comes back then).
        var early = Volatile.Read(ref _armedDeadlineMs) - (long)WarningMargin.TotalMilliseconds - _nowMs();
        if (early > 20) return;
        if (Interlocked.Exchange(ref _armed, null) is { } logger) Warn(logger);
    }

    private static void Warn(ILambdaLogger logger) =>
        logger.LogWarning($"The invocation is still running {WarningMargin.TotalMilliseconds:F0} ms before its deadline; " +
                          "Lambda will stop it there (Task timed out).");
}
