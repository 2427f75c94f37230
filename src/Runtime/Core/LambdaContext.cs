using LambdaRoutes.RuntimeApi;

namespace LambdaRoutes.Core;

/// <summary>The production <see cref="ILambdaContext"/>: invocation headers plus the function's environment.</summary>
internal sealed class LambdaContext : ILambdaContext
{
    /// <summary>Stands for a malformed header once it was read, so it is parsed and warned about once, not on every read.</summary>
    private static readonly object Malformed = new();

    private readonly long _deadlineMs;
    private readonly Func<DateTimeOffset> _now;

    // The raw header (a string) until first read, then the parsed value or Malformed: one field per header, no flags,
    // and nothing at all to do for the invocations that carry neither header (all but Mobile SDK ones).
    private object? _clientContext;
    private object? _identity;

    public LambdaContext(
        string awsRequestId, long deadlineMs, string invokedFunctionArn, string? traceId, string? tenantId,
        FunctionEnvironment environment, ILambdaLogger logger, Func<DateTimeOffset>? now = null,
        string? clientContextHeader = null, string? cognitoIdentityHeader = null)
    {
        AwsRequestId = awsRequestId;
        _deadlineMs = deadlineMs;
        InvokedFunctionArn = invokedFunctionArn;
        TraceId = traceId;
        TenantId = tenantId;
        FunctionName = environment.FunctionName;
        FunctionVersion = environment.FunctionVersion;
        MemoryLimitInMB = environment.MemoryLimitInMB;
        LogGroupName = environment.LogGroupName;
        LogStreamName = environment.LogStreamName;
        Logger = logger;
        _now = now ?? (() => DateTimeOffset.UtcNow);
        _clientContext = string.IsNullOrWhiteSpace(clientContextHeader) ? null : clientContextHeader;
        _identity = string.IsNullOrWhiteSpace(cognitoIdentityHeader) ? null : cognitoIdentityHeader;
    }

    public string AwsRequestId { get; }
    public string FunctionName { get; }
    public string FunctionVersion { get; }
    public string InvokedFunctionArn { get; }
    public int MemoryLimitInMB { get; }
    public string LogGroupName { get; }
    public string LogStreamName { get; }
    public string? TraceId { get; }
    public string? TenantId { get; }
    public ILambdaLogger Logger { get; }

    /// <summary>Deadline minus now (aws.md §1.2 <c>Lambda-Runtime-Deadline-Ms</c>), never negative.</summary>
    public TimeSpan RemainingTime
    {
        get
        {
            var left = _deadlineMs - _now().ToUnixTimeMilliseconds();
            return TimeSpan.FromMilliseconds(Math.Max(0, left));
        }
    }

    /// <summary>From <c>Lambda-Runtime-Client-Context</c>, parsed on first read; null when absent or malformed.</summary>
    public IClientContext? ClientContext
    {
        get
        {
            var state = Volatile.Read(ref _clientContext);
            if (state is string raw)
            {
                var ok = MobileContextParser.TryParseClientContext(raw, out var parsed, out var error);
                state = Publish(ref _clientContext, raw, ok ? parsed : null, RuntimeApiHeaders.ClientContext, error);
            }
            return state as IClientContext;
        }
    }

    /// <summary>From <c>Lambda-Runtime-Cognito-Identity</c>, parsed on first read; null when absent or malformed.</summary>
    public ICognitoIdentity? Identity
    {
        get
        {
            var state = Volatile.Read(ref _identity);
            if (state is string raw)
            {
                var ok = MobileContextParser.TryParseIdentity(raw, out var parsed, out var error);
                state = Publish(ref _identity, raw, ok ? parsed : null, RuntimeApiHeaders.CognitoIdentity, error);
            }
            return state as ICognitoIdentity;
        }
    }

    /// <summary>
    /// Swaps the raw header for its parsed value. Handlers may read from several threads at once; only the thread whose
    /// swap lands logs, so a malformed header is warned about exactly once.
    /// </summary>
    private object Publish(ref object? field, string raw, object? parsed, string header, string? error)
    {
        var value = parsed ?? Malformed;
        var previous = Interlocked.CompareExchange(ref field, value, raw);
        if (!ReferenceEquals(previous, raw)) return previous!;
        // The header's content stays out of the log: it is caller-supplied and may hold personal data.
        if (parsed is null)
            Logger.LogWarning($"Ignoring the malformed {header} header of request {AwsRequestId} ({error}); it reads as null.");
        return value;
    }
}
