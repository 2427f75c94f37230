using System.Diagnostics;
using System.Threading.Channels;
using LambdaRoutes.Local.RuntimeApi;

namespace LambdaRoutes.Local.Instances;

/// <summary>
/// One execution environment: a runtime (a process, or the runtime's loop in-process: <see cref="IInstanceRuntime"/>) and
/// the Runtime API server it talks to. It runs one invocation at a time; init ends at its first <c>/next</c>; a timeout, an init error or an exit kills it for good (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html, aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Bootstrap/LambdaBootstrap.cs).
/// </summary>
internal sealed class FunctionInstance : IRuntimeApiBackend, IAsyncDisposable
{
    private readonly LambdaFunction _function;
    private readonly EmulatorOptions _options;
    private readonly Channel<Invocation> _queue = Channel.CreateBounded<Invocation>(1);
    private readonly TaskCompletionSource<InvocationEnd?> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private LoopbackHttpServer? _server;
    private IInstanceRuntime? _runtime;
    private Invocation? _current;
    private int _state = (int)InstanceState.Initializing;
    private int _invocations;
    private TimeSpan? _initDuration;

    private FunctionInstance(LambdaFunction function, EmulatorOptions options, int id)
    {
        _function = function;
        _options = options;
        Id = id;
    }

    public int Id { get; }

    public InstanceState State => (InstanceState)Volatile.Read(ref _state);

    public TimeSpan? InitDuration => _initDuration;

    public InstanceInfo Snapshot() => new(Id, _runtime?.ProcessId ?? 0, State, Volatile.Read(ref _invocations), _initDuration);

    /// <summary>Starts the Runtime API server, then the runtime pointed at it. Init continues in the background.</summary>
    public static async Task<FunctionInstance> StartAsync(LambdaFunction function, IRuntimeLauncher launcher, EmulatorOptions options, int id)
    {
        var instance = new FunctionInstance(function, options, id);
        try
        {
            instance._server = await LoopbackHttpServer.StartAsync(RuntimeApiEndpoints.For(instance)).ConfigureAwait(false);
            var runtime = launcher.Start(function, options, $"127.0.0.1:{instance._server.Port}", instance.Forward);
            instance._runtime = runtime;
            _ = runtime.Exited.ContinueWith(exited => instance.OnExited(exited.Result), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            instance.MarkDead();
            instance._ready.TrySetResult(new InvocationEnd(InvocationOutcome.InitError,
                ErrorJson.Create("Runtime.InvalidEntrypoint", $"Could not start {function.Executable}: {ex.Message}"), "Runtime.InvalidEntrypoint"));
        }

        return instance;
    }

    /// <summary>Null once the runtime is at its first <c>/next</c>; otherwise why init failed (the instance is then dead).</summary>
    public async Task<InvocationEnd?> WaitUntilReadyAsync()
    {
        if (!await Completes(_ready.Task, _function.InitTimeout).ConfigureAwait(false))
        {
            _ready.TrySetResult(new InvocationEnd(InvocationOutcome.InitError,
                ErrorJson.Create("Runtime.InitTimeout", $"Init did not reach /next within {_function.InitTimeout.TotalSeconds:0.##} seconds"), "Runtime.InitTimeout"));
            Kill();
        }

        return await _ready.Task.ConfigureAwait(false);
    }

    /// <summary>Hands the event to the runtime and waits for its answer, the timeout, or the process's death.</summary>
    public async Task<InvocationEnd> RunAsync(Invocation invocation)
    {
        Interlocked.Increment(ref _invocations);
        Volatile.Write(ref _state, (int)InstanceState.Busy);
        Volatile.Write(ref _current, invocation);
        if (_runtime is null || _runtime.Exited.IsCompleted)
        {
            invocation.TryEnd(ExitEnd(invocation.RequestId));
        }
        else
        {
            _queue.Writer.TryWrite(invocation);
        }

        // A runtime that never comes back to /next would strand the event: the init limit bounds that wait too.
        // The function timeout counts from delivery, as the deadline header does.
        if (!await Completes(Task.WhenAny(invocation.Delivered, invocation.Ended), _function.InitTimeout).ConfigureAwait(false) ||
            !await Completes(invocation.Ended, _function.Timeout).ConfigureAwait(false))
        {
            invocation.TryEnd(TimeoutEnd(invocation.RequestId));
        }

        var end = await invocation.Ended.ConfigureAwait(false);
        if (end.Outcome == InvocationOutcome.Timeout)
        {
            // Lambda does not reuse an environment whose invocation timed out: kill it, the next invoke starts fresh.
            Kill();
        }

        Volatile.Write(ref _current, null);
        if (State == InstanceState.Busy)
        {
            Interlocked.CompareExchange(ref _state, (int)InstanceState.Idle, (int)InstanceState.Busy);
        }

        return end;
    }

    /// <summary>False when <paramref name="task"/> is still running after <paramref name="limit"/> (no timer outlives the wait).</summary>
    private static async Task<bool> Completes(Task task, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    async Task<NextInvocation?> IRuntimeApiBackend.NextAsync(CancellationToken cancel)
    {
        if (_ready.TrySetResult(null))
        {
            _initDuration = Stopwatch.GetElapsedTime(_startedAt);
            Interlocked.CompareExchange(ref _state, (int)InstanceState.Idle, (int)InstanceState.Initializing);
        }

        Invocation invocation;
        try
        {
            invocation = await _queue.Reader.ReadAsync(cancel).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }

        invocation.MarkDelivered();
        var deadline = DateTimeOffset.UtcNow.Add(_function.Timeout).ToUnixTimeMilliseconds();
        return new NextInvocation(invocation.RequestId, invocation.Payload, deadline,
            LambdaEnvironment.FunctionArn(_function, _options), LambdaEnvironment.NewTraceId());
    }

    bool IRuntimeApiBackend.Respond(string requestId, byte[] body) =>
        Current(requestId) is { IsStreaming: false } current && current.TryEnd(new InvocationEnd(InvocationOutcome.Success, body, null));

    bool IRuntimeApiBackend.Fail(string requestId, string errorType, byte[] body) =>
        Current(requestId) is { IsStreaming: false } current && current.TryEnd(new InvocationEnd(InvocationOutcome.FunctionError, body, errorType));

    StreamedResponse? IRuntimeApiBackend.OpenStream(string requestId, string? contentType) =>
        Current(requestId)?.TryOpenStream(contentType, _options.MaxStreamedResponseBytes);

    bool IRuntimeApiBackend.EndStream(string requestId, string? errorType, byte[]? errorBody) =>
        Current(requestId) is { IsStreaming: true } current && current.TryEnd(errorType is null
            ? new InvocationEnd(InvocationOutcome.Success, [], null)
            : new InvocationEnd(InvocationOutcome.FunctionError, errorBody ?? [], errorType));

    void IRuntimeApiBackend.InitFailed(string errorType, byte[] body)
    {
        // The runtime must exit after reporting (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html); the error is the answer to the first invoke.
        _ready.TrySetResult(new InvocationEnd(InvocationOutcome.InitError, body, errorType));
        Kill();
    }

    private Invocation? Current(string requestId) =>
        Volatile.Read(ref _current) is { } current && current.RequestId == requestId && current.Delivered.IsCompleted ? current : null;

    private void Forward(string? line, bool isError)
    {
        if (line is not null)
        {
            _options.Log?.Invoke(new InstanceLogLine(_function.Name, Id, line, isError));
        }
    }

    private void OnExited(int code)
    {
        MarkDead();
        _ready.TrySetResult(new InvocationEnd(InvocationOutcome.InitError,
            ErrorJson.Create("Runtime.ExitError", $"Runtime exited with error: exit status {code}"), "Runtime.ExitError"));
        if (Volatile.Read(ref _current) is { } current)
        {
            current.TryEnd(ExitEnd(current.RequestId, code));
        }

        _queue.Writer.TryComplete();
    }

    private InvocationEnd TimeoutEnd(string requestId) => new(InvocationOutcome.Timeout,
        ErrorJson.Create("Sandbox.Timedout", $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {requestId} Task timed out after {_function.Timeout.TotalSeconds:0.00} seconds"),
        "Sandbox.Timedout");

    private static InvocationEnd ExitEnd(string requestId, int code = -1) => new(InvocationOutcome.RuntimeExited,
        ErrorJson.Create("Runtime.ExitError", $"RequestId: {requestId} Error: Runtime exited with error: exit status {code}"), "Runtime.ExitError");

    private void MarkDead() => Volatile.Write(ref _state, (int)InstanceState.Dead);

    /// <summary>Kills the runtime (a process with everything it started); safe to call more than once.</summary>
    public void Kill()
    {
        MarkDead();
        _runtime?.Kill();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        if (_runtime is not null)
        {
            await _runtime.DisposeAsync().ConfigureAwait(false);
        }

        _queue.Writer.TryComplete();
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
