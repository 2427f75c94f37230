using System.Diagnostics;

namespace LambdaRoutes.Emulator.Instances;

/// <summary>What an invocation ended with, before the pool adds its accounting.</summary>
internal sealed record InvocationEnd(InvocationOutcome Outcome, byte[] Payload, string? ErrorType);

/// <summary>
/// One invocation handed to one instance: the event, its request id, and the two moments that matter — delivery (the
/// runtime's <c>/next</c> returned it; the deadline starts) and completion (<c>/response</c>, <c>/error</c>, or a failure
/// the instance observed).
/// </summary>
internal sealed class Invocation(string requestId, byte[] payload)
{
    private readonly TaskCompletionSource _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<InvocationEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _deliveredAt;

    public string RequestId { get; } = requestId;

    public byte[] Payload { get; } = payload;

    public Task Delivered => _delivered.Task;

    public Task<InvocationEnd> Ended => _ended.Task;

    /// <summary>Event handed over → now; zero if it never was.</summary>
    public TimeSpan RunningFor => _deliveredAt == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_deliveredAt);

    public void MarkDelivered()
    {
        _deliveredAt = Stopwatch.GetTimestamp();
        _delivered.TrySetResult();
    }

    /// <summary>The first end wins: a late <c>/response</c> after a timeout is ignored.</summary>
    public bool TryEnd(InvocationEnd end) => _ended.TrySetResult(end);
}
