using LambdaRoutes.Bootstrap;

namespace LambdaRoutes.Core;

/// <summary>
/// Lambda's advanced logging controls (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html): <c>AWS_LAMBDA_LOG_FORMAT</c> (<c>Text</c> or <c>JSON</c>) and
/// <c>AWS_LAMBDA_LOG_LEVEL</c> (<c>TRACE</c> … <c>FATAL</c>; records below it are dropped). RuntimeSupport's
/// <c>AWS_LAMBDA_HANDLER_LOG_*</c> overrides win when set.
/// </summary>
internal sealed record LogOptions(bool Json, LogLevel MinimumLevel)
{
    public static LogOptions Default { get; } = new(false, LogLevel.Trace);

    public static LogOptions From(IEnvironmentVariables env)
    {
        var format = env.Get("AWS_LAMBDA_HANDLER_LOG_FORMAT") ?? env.Get("AWS_LAMBDA_LOG_FORMAT");
        var level = env.Get("AWS_LAMBDA_HANDLER_LOG_LEVEL") ?? env.Get("AWS_LAMBDA_LOG_LEVEL");
        return new LogOptions(
            string.Equals(format, "JSON", StringComparison.OrdinalIgnoreCase),
            level?.Trim().ToUpperInvariant() switch
            {
                "TRACE" => LogLevel.Trace,
                "DEBUG" => LogLevel.Debug,
                "INFO" or "INFORMATION" => LogLevel.Information,
                "WARN" or "WARNING" => LogLevel.Warning,
                "ERROR" => LogLevel.Error,
                "FATAL" or "CRITICAL" => LogLevel.Critical,
                _ => LogLevel.Trace,
            });
    }
}
