using System.Diagnostics;
using System.Text;
using LambdaRoutes.Json;
using System.Text.Json;

namespace LambdaRoutes.RuntimeApi;

/// <summary>
/// AWS's error JSON for <c>/error</c> and <c>/init/error</c>, written the way RuntimeSupport writes it (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html):
/// <c>errorType</c> (short type name), <c>errorMessage</c>, <c>stackTrace</c> (trimmed, non-blank lines), <c>cause</c>
/// (inner exception), <c>causes</c> (aggregate), 2-space indented, capped at 256 KB. Written with
/// <see cref="Utf8JsonWriter"/>, so no reflection.
/// </summary>
internal static class ErrorPayload
{
    public const int MaxBytes = 256 * 1024;
    private static readonly byte[] TooLarge = Encoding.UTF8.GetBytes("{\n  \"errorMessage\": \"Exception exceeded maximum payload size of 256KB.\"\n}");

    public static string ErrorType(Exception error) => error.GetType().Name;

    public static byte[] Write(Exception error)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = RelaxedJsonEncoder.Instance,
        }))
        {
            WriteException(writer, error, depth: 0);
        }
        return buffer.Length > MaxBytes ? TooLarge : buffer.ToArray();
    }

    private static void WriteException(Utf8JsonWriter writer, Exception error, int depth)
    {
        writer.WriteStartObject();
        writer.WriteString("errorType", ErrorType(error));
        writer.WriteString("errorMessage", error.Message);
        writer.WriteStartArray("stackTrace");
        foreach (var line in StackLines(error)) writer.WriteStringValue(line);
        writer.WriteEndArray();
        // Depth cap: a cycle of inner exceptions cannot exist, but a very deep chain must not blow the stack.
        if (depth < 16)
        {
            if (error.InnerException is { } inner && error is not AggregateException)
            {
                writer.WritePropertyName("cause");
                WriteException(writer, inner, depth + 1);
            }
            if (error is AggregateException aggregate)
            {
                writer.WriteStartArray("causes");
                foreach (var e in aggregate.InnerExceptions) WriteException(writer, e, depth + 1);
                writer.WriteEndArray();
            }
        }
        writer.WriteEndObject();
    }

    private static IEnumerable<string> StackLines(Exception error)
    {
        var text = error.StackTrace ?? new StackTrace(error, fNeedFileInfo: false).ToString();
        return text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
    }
}
