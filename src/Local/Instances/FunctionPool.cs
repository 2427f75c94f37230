using System.Diagnostics;

namespace LambdaRoutes.Local.Instances;

/// <summary>
/// The instances of one function (processes or in-process runtimes, as its <see cref="IRuntimeLauncher"/> starts them), scheduled by <see cref="InstancePool{TInstance}"/> (Lambda's reuse rule: warm
/// when an instance is idle, cold when all are busy, a dead one dropped), each started, run over its Runtime API and
/// stopped here. At most <see cref="EmulatorOptions.MaxInstancesPerFunction"/> run at once; beyond that, invocations wait.
/// </summary>
internal sealed class FunctionPool : IAsyncDisposable
{
    private readonly LambdaFunction _function;
    private readonly IRuntimeLauncher _launcher;
    private readonly EmulatorOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly InstancePool<FunctionInstance> _instances = new(i => i.State == InstanceState.Dead);

    public FunctionPool(LambdaFunction function, IRuntimeLauncher launcher, EmulatorOptions options)
    {
        _function = function;
        _launcher = launcher;
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
            var (instance, cold, admitted) = await _instances.RentAsync(id => FunctionInstance.StartAsync(_function, _launcher, _options, id)).ConfigureAwait(false);
            if (!admitted)
            {
                instance.Kill();
            }

            if (cold)
            {
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
                _instances.GiveBack(instance);
            }

            return new InvocationResult(end.Outcome, end.Payload, end.ErrorType, requestId, instance.Id, cold,
                cold ? instance.InitDuration : null, invocation.RunningFor, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            _slots.Release();
        }
    }

    public IReadOnlyList<InstanceInfo> Snapshot() => _instances.All().Select(i => i.Snapshot()).ToList();

    /// <summary>Stops every instance, so that the next invocation is a cold start.</summary>
    public Task ResetAsync() => StopAsync(_instances.Clear());

    private static Task StopAsync(IReadOnlyList<FunctionInstance> instances) =>
        Task.WhenAll(instances.Select(i => i.DisposeAsync().AsTask()));

    private async Task RemoveAsync(FunctionInstance instance)
    {
        _instances.Remove(instance);
        await instance.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(_instances.Close()).ConfigureAwait(false);
}
