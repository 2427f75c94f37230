using System.Collections.Concurrent;
using LambdaRoutes.Local.Instances;

namespace LambdaRoutes.Local;

/// <summary>
/// A local Lambda service for custom runtimes: each invocation goes to an instance — a real runtime process started with
/// <c>AWS_LAMBDA_RUNTIME_API</c> pointing at a Runtime API server on 127.0.0.1 that belongs to that instance
/// (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html). One invocation at a time per instance; idle instances are reused (warm); a new one is started when all
/// are busy (cold); the deadline header is set and the timeout enforced by killing the instance; init errors answer the
/// invocation that started the instance. Disposing stops every process.
/// </summary>
/// <example>
/// <code>
/// await using var lambda = new LambdaEmulator();
/// lambda.AddFunction(new LambdaFunction { Name = "hello", Executable = "out/ApiHello/bootstrap", Timeout = TimeSpan.FromSeconds(10) });
/// var result = await lambda.InvokeAsync("hello", eventJson);
/// Console.WriteLine($"{result.Outcome} cold={result.ColdStart} init={result.InitDuration} took={result.Duration}");
/// </code>
/// </example>
public sealed class LambdaEmulator : IAsyncDisposable
{
    private readonly EmulatorOptions _options;
    private readonly ConcurrentDictionary<string, FunctionPool> _pools = new(StringComparer.Ordinal);

    /// <summary>Creates an emulator with no functions.</summary>
    public LambdaEmulator(EmulatorOptions? options = null) => _options = options ?? new EmulatorOptions();

    /// <summary>The names of the registered functions.</summary>
    public IReadOnlyCollection<string> Functions => _pools.Keys.ToList();

    /// <summary>Registers a function; no process starts until it is invoked.</summary>
    /// <exception cref="ArgumentException">A function of that name exists.</exception>
    public void AddFunction(LambdaFunction function) => AddFunction(function, ProcessRuntime.Launcher);

    /// <summary>
    /// Registers a function whose instances <paramref name="launcher"/> starts: the dev server's in-process routes
    /// (<see cref="InProcessRuntime"/>) run over the same Runtime API, pool and limits as processes.
    /// </summary>
    internal void AddFunction(LambdaFunction function, IRuntimeLauncher launcher)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (!_pools.TryAdd(function.Name, new FunctionPool(function, launcher, _options)))
        {
            throw new ArgumentException($"A function named {function.Name} is already registered.", nameof(function));
        }
    }

    /// <summary>
    /// Invokes <paramref name="function"/> synchronously (RequestResponse) with <paramref name="payload"/> as the event.
    /// Failures are results, not exceptions: see <see cref="InvocationResult.Outcome"/>.
    /// </summary>
    /// <param name="function">A registered function name.</param>
    /// <param name="payload">The event JSON.</param>
    /// <param name="cancel">Cancels only the wait for a free instance slot; a started invocation runs to its end, as on Lambda.</param>
    /// <exception cref="KeyNotFoundException">No such function.</exception>
    public Task<InvocationResult> InvokeAsync(string function, ReadOnlyMemory<byte> payload, CancellationToken cancel = default) =>
        Pool(function).InvokeAsync(payload, cancel);

    /// <summary>
    /// Invokes <paramref name="function"/> like <see cref="InvokeAsync"/>, but hands over a streamed response while it
    /// arrives (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming): the returned task completes as soon as the runtime starts streaming, with
    /// <see cref="StreamingInvocation.Response"/> to read the chunks from; or when the invocation ends without a stream.
    /// Timeouts, exits and payload limits apply as usual, and end the stream.
    /// </summary>
    /// <example>
    /// <code>
    /// var call = await lambda.InvokeStreamingAsync("events", eventJson);
    /// if (call.Response is { } stream)
    ///     await foreach (var chunk in stream.ReadChunksAsync()) await output.WriteAsync(chunk);
    /// var result = await call.Completion;   // FunctionError when the trailers reported one
    /// </code>
    /// </example>
    /// <exception cref="KeyNotFoundException">No such function.</exception>
    public Task<StreamingInvocation> InvokeStreamingAsync(string function, ReadOnlyMemory<byte> payload, CancellationToken cancel = default) =>
        Pool(function).InvokeStreamingAsync(payload, cancel);

    /// <summary>The instances of <paramref name="function"/> alive now.</summary>
    public IReadOnlyList<InstanceInfo> GetInstances(string function) => Pool(function).Snapshot();

    /// <summary>Stops every instance of <paramref name="function"/>: its next invocation is a cold start.</summary>
    public Task ResetAsync(string function) => Pool(function).ResetAsync();

    /// <summary>Stops every instance of every function and waits for the processes to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_pools.Values.Select(p => p.DisposeAsync().AsTask())).ConfigureAwait(false);
        _pools.Clear();
    }

    private FunctionPool Pool(string function) =>
        _pools.TryGetValue(function, out var pool) ? pool : throw new KeyNotFoundException($"No function named {function}.");
}
