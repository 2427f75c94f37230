using System.Diagnostics;

namespace LambdaRoutes.Local.Instances;

/// <summary>
/// The instances of one function, scheduled the way Lambda does: an idle instance is reused (a warm start, most recently
/// used first); when every instance is busy a new one is started for the invocation (a cold start); an instance that died
/// is dropped. At most <see cref="EmulatorOptions.MaxInstancesPerFunction"/> run at once; beyond that, invocations wait.
/// </summary>
internal sealed class FunctionPool : IAsyncDisposable
{
    private readonly LambdaFunction _function;
    private readonly EmulatorOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly object _gate = new();
    private readonly List<FunctionInstance> _all = [];
    private readonly Stack<FunctionInstance> _idle = new();
    private int _lastId;
    private bool _disposed;

    public FunctionPool(LambdaFunction function, EmulatorOptions options)
    {
        _function = function;
        _options = options;
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxInstancesPerFunction));
    }

    public Task<InvocationResult> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken cancel) =>
        RunAsync(payload, acceptsStream: false, _ => { }, cancel);

    /// <summary>
    /// Returns once the runtime opens a streamed response, or once the invocation ends without one. The instance slot
    /// stays taken until <see cref="StreamingInvocation.Completion"/>.
    /// </summary>
    public async Task<StreamingInvocation> InvokeStreamingAsync(ReadOnlyMemory<byte> payload, CancellationToken cancel)
    {
        var created = new TaskCompletionSource<Invocation>(TaskCreationOptions.RunContinuationsAsynchronously);
        var completion = RunAsync(payload, acceptsStream: true, created.SetResult, cancel);
        if (await Task.WhenAny(created.Task, completion).ConfigureAwait(false) == created.Task)
        {
            await Task.WhenAny(created.Task.Result.StreamOpened, completion).ConfigureAwait(false);
        }

        if (created.Task.IsCompleted && created.Task.Result.StreamOpened.IsCompleted)
        {
            return new StreamingInvocation(await created.Task.Result.StreamOpened.ConfigureAwait(false), completion);
        }

        await completion.ConfigureAwait(false); // rethrows a cancelled wait for a slot
        return new StreamingInvocation(null, completion);
    }

    private async Task<InvocationResult> RunAsync(ReadOnlyMemory<byte> payload, bool acceptsStream, Action<Invocation> created, CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = Guid.NewGuid().ToString();
        if (payload.Length > LambdaLimits.MaxRequestBytes)
        {
            return new InvocationResult(InvocationOutcome.RequestTooLarge,
                ErrorJson.Create("RequestEntityTooLarge", $"Request must be smaller than {LambdaLimits.MaxRequestBytes} bytes for the InvokeFunction operation"),
                "RequestEntityTooLarge", requestId, 0, false, null, TimeSpan.Zero, Stopwatch.GetElapsedTime(started));
        }

        await _slots.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var instance = TakeIdle();
            var cold = instance is null;
            if (instance is null)
            {
                instance = await StartInstanceAsync().ConfigureAwait(false);
                if (await instance.WaitUntilReadyAsync().ConfigureAwait(false) is { } initFailure)
                {
                    await RemoveAsync(instance).ConfigureAwait(false);
                    return new InvocationResult(initFailure.Outcome, initFailure.Payload, initFailure.ErrorType, requestId, instance.Id,
                        ColdStart: true, instance.InitDuration, TimeSpan.Zero, Stopwatch.GetElapsedTime(started));
                }
            }

            var invocation = new Invocation(requestId, payload.ToArray(), acceptsStream);
            created(invocation);
            var end = await instance.RunAsync(invocation).ConfigureAwait(false);
            if (instance.State == InstanceState.Dead)
            {
                await RemoveAsync(instance).ConfigureAwait(false);
            }
            else
            {
                ReturnIdle(instance);
            }

            return new InvocationResult(end.Outcome, end.Payload, end.ErrorType, requestId, instance.Id, cold,
                cold ? instance.InitDuration : null, invocation.RunningFor, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            _slots.Release();
        }
    }

    public IReadOnlyList<InstanceInfo> Snapshot()
    {
        lock (_gate)
        {
            return _all.Select(i => i.Snapshot()).ToList();
        }
    }

    /// <summary>Stops every instance, so that the next invocation is a cold start.</summary>
    public async Task ResetAsync()
    {
        List<FunctionInstance> instances;
        lock (_gate)
        {
            instances = [.. _all];
            _all.Clear();
            _idle.Clear();
        }

        await Task.WhenAll(instances.Select(i => i.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    private FunctionInstance? TakeIdle()
    {
        lock (_gate)
        {
            while (_idle.TryPop(out var instance))
            {
                if (instance.State != InstanceState.Dead)
                {
                    return instance;
                }
            }

            return null;
        }
    }

    private void ReturnIdle(FunctionInstance instance)
    {
        lock (_gate)
        {
            if (!_disposed && _all.Contains(instance))
            {
                _idle.Push(instance);
            }
        }
    }

    private async Task<FunctionInstance> StartInstanceAsync()
    {
        int id;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            id = ++_lastId;
        }

        var instance = await FunctionInstance.StartAsync(_function, _options, id).ConfigureAwait(false);
        lock (_gate)
        {
            _all.Add(instance);
            if (_disposed)
            {
                instance.Kill();
            }
        }

        return instance;
    }

    private async Task RemoveAsync(FunctionInstance instance)
    {
        lock (_gate)
        {
            _all.Remove(instance);
        }

        await instance.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        await ResetAsync().ConfigureAwait(false);
    }
}
