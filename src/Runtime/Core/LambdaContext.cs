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

    /// <summary>Deadline minus now (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html <c>Lambda-Runtime-Deadline-Ms</c>), never negative.</summary>
    public TimeSpan RemainingTime
    {
        get
        {
            var left = _deadlineMs - _now().ToUnixTimeMilliseconds();
            return TimeSpan.FromMilliseconds(Math.Max(0, left));
        }
    }

    /// <summary>From <c>Lambda-Runtime-Client-Context</c>, parsed on first read; null when absent or malformed.</summary>
    public IClientContext? ClientContext =>
        Resolve<IClientContext>(ref _clientContext, RuntimeApiHeaders.ClientContext, MobileContextParser.TryParseClientContext);

    /// <summary>From <c>Lambda-Runtime-Cognito-Identity</c>, parsed on first read; null when absent or malformed.</summary>
    public ICognitoIdentity? Identity =>
        Resolve<ICognitoIdentity>(ref _identity, RuntimeApiHeaders.CognitoIdentity, MobileContextParser.TryParseIdentity);

    private delegate bool HeaderParser<T>(string json, out T? result, out string? error) where T : class;

    /// <summary>The header's value: parsed (and published) by the first read, taken from the field afterwards.</summary>
    private T? Resolve<T>(ref object? field, string header, HeaderParser<T> parse) where T : class
    {
        var state = Volatile.Read(ref field);
        if (state is string raw)
        {
            var ok = parse(raw, out var parsed, out var error);
            state = Publish(ref field, raw, ok ? parsed : null, header, error);
        }
        return state as T;
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
