using System.Text;
using LambdaRoutes.Json;
using System.Text.Json;

namespace LambdaRoutes.Streaming;

/// <summary>
/// The HTTP integration prelude of a streamed response (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming): one JSON object with <c>statusCode</c>,
/// <c>headers</c>, <c>multiValueHeaders</c> (headers with several values) and <c>cookies</c> (the <c>Set-Cookie</c>
/// values), followed by 8 NUL bytes; everything after the delimiter is the body. Function URLs in
/// <c>RESPONSE_STREAM</c> mode and REST APIs with <c>responseTransferMode=STREAM</c> read the same format.
/// Written with <see cref="Utf8JsonWriter"/>: no reflection.
/// </summary>
internal static class StreamingPrelude
{
    /// <summary>The delimiter between the prelude and the body.</summary>
    public const int DelimiterLength = 8;

    public static byte[] Write(ApiResponse res)
    {
        var single = new List<(string, string)>();
        var multi = new List<(string, List<string>)>();
        var cookies = new List<string>();
        foreach (var (name, values) in res.Headers)
        {
            if (name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)) cookies.AddRange(values);
            else if (values.Count == 1) single.Add((name, values[0]));
            else multi.Add((name, values));
        }
        return Write(res.StatusCode, single, multi, cookies);
    }

    /// <summary>For an event of unknown format: the status and a plain-text message as the body.</summary>
    public static byte[] ForUnknownEvent(int status, string message) =>
        Write(status, new List<(string, string)> { ("Content-Type", "text/plain; charset=utf-8") }, new(), new())
            .Concat(Encoding.UTF8.GetBytes(message)).ToArray();

    private static byte[] Write(int status, List<(string Name, string Value)> headers, List<(string Name, List<string> Values)> multi, List<string> cookies)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = RelaxedJsonEncoder.Instance }))
        {
            json.WriteStartObject();
            json.WriteNumber("statusCode", status);
            json.WriteStartObject("headers");
            foreach (var (name, value) in headers) json.WriteString(name, value);
            json.WriteEndObject();
            if (multi.Count > 0)
            {
                json.WriteStartObject("multiValueHeaders");
                foreach (var (name, values) in multi)
                {
                    json.WriteStartArray(name);
                    foreach (var v in values) json.WriteStringValue(v);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteStartArray("cookies");
            foreach (var c in cookies) json.WriteStringValue(c);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.Write(new byte[DelimiterLength]);
        return buffer.ToArray();
    }
}
