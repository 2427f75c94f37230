namespace LambdaRoutes.Core;

/// <summary>The <see cref="ILambdaLogger"/> of one invocation: every record carries its request id and trace id (aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Helpers/Logging/).</summary>
internal sealed class InvocationLogger : ILambdaLogger
{
    private readonly LogSink _sink;
    private readonly string? _requestId;
    private readonly string? _traceId;

    public InvocationLogger(LogSink sink, string? requestId, string? traceId = null)
    {
        _sink = sink;
        _requestId = requestId;
        _traceId = traceId;
    }

    public void Log(string message) => Log(LogLevel.Information, message);

    public void LogLine(string message) => Log(LogLevel.Information, message);

    public void Log(LogLevel level, string message) => Write(level, message, null);

    public void Log(LogLevel level, Exception exception, string message) => Write(level, message, exception);

    private void Write(LogLevel level, string message, Exception? exception) =>
        _sink.Write(new LogRecord(DateTimeOffset.UtcNow, _requestId, _traceId, level, message, exception));
}
