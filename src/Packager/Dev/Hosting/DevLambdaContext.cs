using System.Diagnostics;
using LambdaRoutes.Local.Gateway;

namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>The Lambda context of an in-process invocation: the same fields Lambda gives (https://docs.aws.amazon.com/lambda/latest/dg/csharp-context.html), a deadline from the route's timeout.</summary>
internal sealed class DevLambdaContext : ILambdaContext
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _timeout;

    public DevLambdaContext(string functionName, string routeId, int memorySize, TimeSpan timeout, Action<string> write)
    {
        FunctionName = functionName;
        MemoryLimitInMB = memorySize;
        _timeout = timeout;
        Logger = new DevLambdaLogger(routeId, AwsRequestId, write);
    }

    public string AwsRequestId { get; } = Guid.NewGuid().ToString();

    public string FunctionName { get; }

    public string FunctionVersion => "$LATEST";

    public string InvokedFunctionArn => $"arn:aws:lambda:us-east-1:{GatewayIdentifiers.AccountId}:function:{FunctionName}";

    public int MemoryLimitInMB { get; }

    public TimeSpan RemainingTime => _timeout - Stopwatch.GetElapsedTime(_started);

    public string LogGroupName => "/aws/lambda/" + FunctionName;

    public string LogStreamName => $"{DateTime.UtcNow:yyyy/MM/dd}/[$LATEST]dev";

    public string? TraceId => null;

    public ILambdaLogger Logger { get; }
}

/// <summary>Route logs go to the dev server's output, prefixed with the route id, in Lambda's text format (aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Helpers/Logging/).</summary>
internal sealed class DevLambdaLogger(string routeId, string requestId, Action<string> write) : ILambdaLogger
{
    public void Log(string message) => write($"  [{routeId}] {message}");

    public void LogLine(string message) => Log(message);

    public void Log(LogLevel level, string message) =>
        Log($"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}\t{requestId}\t{Level(level)}\t{message}");

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
