using System.Diagnostics;

namespace LambdaRoutes.Local.Instances;

/// <summary>What an invocation ended with, before the pool adds its accounting.</summary>
internal sealed record InvocationEnd(InvocationOutcome Outcome, byte[] Payload, string? ErrorType);

/// <summary>
/// One invocation handed to one instance: the event, its request id, and the two moments that matter — delivery (the
/// runtime's <c>/next</c> returned it; the deadline starts) and completion (<c>/response</c>, <c>/error</c>, or a failure
/// the instance observed). A caller that accepts a stream also sees the response while it arrives.
/// </summary>
internal sealed class Invocation(string requestId, byte[] payload, bool acceptsStream = false)
{
    private readonly TaskCompletionSource _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<InvocationEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<StreamedResponse> _streamOpened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private StreamedResponse? _stream;
    private long _deliveredAt;

    public string RequestId { get; } = requestId;

    public byte[] Payload { get; } = payload;

    public Task Delivered => _delivered.Task;

    public Task<InvocationEnd> Ended => _ended.Task;

    /// <summary>Completes when the runtime starts a streamed response (only for a caller that accepts one).</summary>
    public Task<StreamedResponse> StreamOpened => _streamOpened.Task;

    /// <summary>True once a stream is open: only the stream's own end may end the invocation successfully.</summary>
    public bool IsStreaming => Volatile.Read(ref _stream) is not null;

    /// <summary>Event handed over → now; zero if it never was.</summary>
    public TimeSpan RunningFor => _deliveredAt == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_deliveredAt);

    public void MarkDelivered()
    {
        _deliveredAt = Stopwatch.GetTimestamp();
        _delivered.TrySetResult();
    }

    /// <summary>
    /// The stream for a streamed <c>/response</c>; null when the caller wants the response whole (the Runtime API then
    /// collects it), or when a stream was already opened or the invocation already ended.
    /// </summary>
    public StreamedResponse? TryOpenStream(string? contentType, long limit)
    {
        if (!acceptsStream)
        {
            return null;
        }

        StreamedResponse stream;
        lock (_gate)
        {
            if (_stream is not null || _ended.Task.IsCompleted)
            {
                return null;
            }

            stream = new StreamedResponse(contentType, limit);
            Volatile.Write(ref _stream, stream);
        }

        _streamOpened.TrySetResult(stream);
        return stream;
    }

    /// <summary>The first end wins: a late <c>/response</c> after a timeout is ignored. Any end closes the stream.</summary>
    public bool TryEnd(InvocationEnd end)
    {
        StreamedResponse? stream;
        bool won;
        lock (_gate)
        {
            won = _ended.TrySetResult(end);
            stream = _stream;
        }

        stream?.Complete();
        return won;
    }
}
