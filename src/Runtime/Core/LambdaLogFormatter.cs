using System.Globalization;
using System.Text;
using LambdaRoutes.Json;
using System.Text.Json;

namespace LambdaRoutes.Core;

/// <summary>
/// Formats log records as Lambda's .NET runtime does (aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Helpers/Logging/). Text:
/// <c>{timestamp:yyyy-MM-ddTHH:mm:ss.fffZ}\t{requestId}\t{level}\t{message}</c> with levels <c>trce/dbug/info/warn/fail/crit</c>,
/// the exception after a newline. JSON: <c>timestamp</c>, <c>level</c>, <c>requestId</c>, <c>traceId</c>, <c>message</c>,
/// and for an exception <c>errorType</c> (full name), <c>errorMessage</c>, <c>stackTrace</c>.
/// </summary>
internal static class LambdaLogFormatter
{
    public static string Format(LogRecord record) => string.Concat(
        Timestamp(record.Timestamp), "\t",
        record.RequestId ?? "", "\t",
        LevelText(record.Level), "\t",
        record.Exception is null ? record.Message : record.Message + "\n" + record.Exception);

    public static string FormatJson(LogRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = RelaxedJsonEncoder.Instance }))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", Timestamp(record.Timestamp));
            writer.WriteString("level", record.Level.ToString());
            if (record.RequestId is not null) writer.WriteString("requestId", record.RequestId);
            if (record.TraceId is not null) writer.WriteString("traceId", record.TraceId);
            writer.WriteString("message", record.Message);
            if (record.Exception is { } ex)
            {
                writer.WriteString("errorType", ex.GetType().FullName);
                writer.WriteString("errorMessage", ex.Message);
                writer.WriteStartArray("stackTrace");
                foreach (var line in (ex.StackTrace ?? "").Split('\n'))
                    if (line.Trim() is { Length: > 0 } trimmed) writer.WriteStringValue(trimmed);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

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

    private static string Timestamp(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>One log record before formatting.</summary>
internal sealed record LogRecord(DateTimeOffset Timestamp, string? RequestId, string? TraceId, LogLevel Level, string Message, Exception? Exception);
