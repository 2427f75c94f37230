using LambdaRoutes.Local;

namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>
/// Routes served as functions of a <see cref="LambdaEmulator"/> (one function per route, <c>&lt;App&gt;-&lt;RouteId&gt;</c>),
/// and the one mapping from the emulator's results to <see cref="RouteRun"/>s: both hosts run their routes through it,
/// <c>--aot</c> as <c>bootstrap</c> processes, the default mode as in-process runtimes.
/// </summary>
internal sealed class EmulatedRoutes(LambdaEmulator emulator, string appName) : IAsyncDisposable
{
    /// <summary>The emulator behind the routes (tests read its instances).</summary>
    public LambdaEmulator Emulator => emulator;

    /// <summary>The emulator function that serves <paramref name="routeId"/> of <paramref name="appName"/>: both hosts register their routes under it.</summary>
    public static string FunctionName(string appName, string routeId) => $"{appName}-{routeId}";

    private string FunctionName(string routeId) => FunctionName(appName, routeId);

    public async Task<RouteRun> InvokeAsync(DevRoute route, byte[] eventJson) =>
        ToRun(await emulator.InvokeAsync(FunctionName(route.Id), eventJson));

    /// <summary>A streaming route: its chunks are passed on as the Runtime API receives them.</summary>
    public async Task<RouteRun> StreamAsync(DevRoute route, byte[] eventJson, Func<ReadOnlyMemory<byte>, Task> write)
    {
        var call = await emulator.InvokeStreamingAsync(FunctionName(route.Id), eventJson);
        var failure = call.Response is { } stream
            ? await StreamForwarder.ForwardAsync(stream.ReadChunksAsync(), write)
            : null;
        var result = await call.Completion;
        if (call.Response is null && result.IsSuccess)
        {
            // A buffered answer from a streaming function: the same framing, in one piece.
            failure = await StreamForwarder.ForwardAsync(Once(result.Payload), write);
        }

        return failure is null || !result.IsSuccess
            ? ToRun(result)
            : ToRun(result) with { Outcome = RunOutcome.FunctionError, ErrorType = failure.GetType().Name };
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Once(byte[] payload)
    {
        await Task.CompletedTask;
        yield return payload;
    }

    private static RouteRun ToRun(InvocationResult result)
    {
        var outcome = result.Outcome switch
        {
            InvocationOutcome.Success => RunOutcome.Success,
            InvocationOutcome.Timeout => RunOutcome.Timeout,
            InvocationOutcome.RequestTooLarge => RunOutcome.RequestTooLarge,
            _ => RunOutcome.FunctionError,
        };
        return new RouteRun(outcome, result.Payload, result.ColdStart, $"#{result.InstanceId}", result.ErrorType);
    }

    /// <summary>Stops every instance.</summary>
    public ValueTask DisposeAsync() => emulator.DisposeAsync();
}
