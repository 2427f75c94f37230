namespace LambdaRoutes.Local;

/// <summary>How an invocation ended.</summary>
public enum InvocationOutcome
{
    /// <summary>The runtime posted <c>/response</c>; <see cref="InvocationResult.Payload"/> is its body.</summary>
    Success,

    /// <summary>The runtime posted <c>/error</c> (or its response was too large); the payload is the error JSON.</summary>
    FunctionError,

    /// <summary>The instance failed to initialise: <c>/init/error</c>, an exit before the first <c>/next</c>, or the init timeout.</summary>
    InitError,

    /// <summary>The function ran past its timeout; its instance was killed.</summary>
    Timeout,

    /// <summary>The runtime process exited while handling the invocation (<c>Runtime.ExitError</c>).</summary>
    RuntimeExited,

    /// <summary>The event was over Lambda's 6 MB synchronous request limit (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html); nothing ran.</summary>
    RequestTooLarge,
}

/// <summary>The result of one <see cref="LambdaEmulator.InvokeAsync"/>, with the cold/warm accounting a benchmark needs.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Payload">The response body, or the error JSON (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html) for the failure outcomes.</param>
/// <param name="ErrorType">The error type (<c>Lambda-Runtime-Function-Error-Type</c> or the emulator's own), null on success.</param>
/// <param name="RequestId">The <c>Lambda-Runtime-Aws-Request-Id</c> of the invocation.</param>
/// <param name="InstanceId">The instance that served it (0 when none did).</param>
/// <param name="ColdStart">True when the instance was started for this invocation.</param>
/// <param name="InitDuration">For a cold start: process start → first <c>/next</c>.</param>
/// <param name="Duration">Event handed to the runtime → its response (what Lambda bills).</param>
/// <param name="Total">The whole call, including any cold start and waiting for an instance.</param>
public sealed record InvocationResult(
    InvocationOutcome Outcome,
    byte[] Payload,
    string? ErrorType,
    string RequestId,
    int InstanceId,
    bool ColdStart,
    TimeSpan? InitDuration,
    TimeSpan Duration,
    TimeSpan Total)
{
    /// <summary>True for <see cref="InvocationOutcome.Success"/>.</summary>
    public bool IsSuccess => Outcome == InvocationOutcome.Success;
}

/// <summary>A snapshot of one instance of a function.</summary>
/// <param name="Id">The instance number within the function, from 1.</param>
/// <param name="ProcessId">The OS process id of its runtime.</param>
/// <param name="State">Its state when the snapshot was taken.</param>
/// <param name="Invocations">Invocations it has been given.</param>
/// <param name="InitDuration">Process start → first <c>/next</c>, once known.</param>
public sealed record InstanceInfo(int Id, int ProcessId, InstanceState State, int Invocations, TimeSpan? InitDuration);

/// <summary>The life of an instance, as Lambda's execution environment lifecycle.</summary>
public enum InstanceState
{
    /// <summary>Started, not yet at its first <c>/next</c>.</summary>
    Initializing,

    /// <summary>Waiting in <c>/next</c>: the next invocation reuses it (a warm start).</summary>
    Idle,

    /// <summary>Handling an invocation.</summary>
    Busy,

    /// <summary>Exited or killed; never used again.</summary>
    Dead,
}
