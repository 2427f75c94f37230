namespace LambdaRoutes.Core;

/// <summary>The production <see cref="ILambdaContext"/>: invocation headers plus the function's environment.</summary>
internal sealed class LambdaContext : ILambdaContext
{
    private readonly long _deadlineMs;
    private readonly Func<DateTimeOffset> _now;

    public LambdaContext(
        string awsRequestId, long deadlineMs, string invokedFunctionArn, string? traceId, string? tenantId,
        FunctionEnvironment environment, ILambdaLogger logger, Func<DateTimeOffset>? now = null)
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
}
