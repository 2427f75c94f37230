using System.Globalization;

namespace LambdaRoutes.Core;

/// <summary>
/// Formats log records in AWS's text format (aws.md §1.7):
/// <c>{timestamp:yyyy-MM-ddTHH:mm:ss.fffZ}\t{requestId}\t{level}\t{message}</c>, levels printed as
/// <c>trce/dbug/info/warn/fail/crit</c>, so CloudWatch Insights queries written for .NET Lambdas keep working.
/// </summary>
internal static class LambdaLogFormatter
{
    public static string Format(DateTimeOffset timestamp, string? requestId, LogLevel level, string message) =>
        string.Concat(
            timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), "\t",
            requestId ?? "", "\t",
            LevelText(level), "\t",
            message);

    public static string LevelText(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "info",
    };
}
