namespace LambdaRoutes.Core;

/// <summary>The <see cref="ILambdaLogger"/> of one invocation: every record carries its request id (aws.md §1.7).</summary>
internal sealed class InvocationLogger : ILambdaLogger
{
    private readonly LogSink _sink;
    private readonly string? _requestId;
    private readonly Func<DateTimeOffset> _now;

    public InvocationLogger(LogSink sink, string? requestId, Func<DateTimeOffset>? now = null)
    {
        _sink = sink;
        _requestId = requestId;
        _now = now ?? (() => DateTimeOffset.UtcNow);
    }

    public void Log(string message) => Log(LogLevel.Information, message);

    public void LogLine(string message) => Log(LogLevel.Information, message);

    public void Log(LogLevel level, string message) =>
        _sink.WriteRecord(LambdaLogFormatter.Format(_now(), _requestId, level, message));

    public void Log(LogLevel level, Exception exception, string message) =>
        Log(level, message + "\n" + exception);
}
