using System.Buffers;
using System.Buffers.Text;
using LambdaRoutes.Json;
using System.Text.Json;
using System.Text.Unicode;
using LambdaRoutes.Http;

namespace LambdaRoutes.Mapping;

/// <summary>
/// <see cref="ApiResponse"/> → the integration's response JSON (REST/1.0: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html; 2.0: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html), written straight to
/// UTF-8: the body bytes go into the JSON string (or base64) without an intermediate string or buffer, and no serializer
/// metadata is built at start-up (JsonSerializer's first use cost about 1 ms of cold start in bench/).
/// Same output as serializing the Testing kit's <c>APIGatewayProxyResponse</c> / <c>APIGatewayHttpApiV2ProxyResponse</c>
/// (src/Testing/Events) with the wire options: camelCase names, absent maps left out, AWS's relaxed escaping.
/// </summary>
internal static class ProxyResponseWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = RelaxedJsonEncoder.Instance };

    /// <summary>One buffer and writer per thread, reused: the invoker may serve concurrent requests (dev server).</summary>
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    public static byte[] Write(ApiEventSource source, ApiResponse res)
    {
        var writer = Begin();
        writer.WriteNumber("statusCode"u8, res.StatusCode);
        if (source == ApiEventSource.RestApi) WriteRestHeaders(writer, res.Headers);
        else WriteHttpApiHeaders(writer, res.Headers);
        writer.Flush();
        return WithBody(t_buffer!.WrittenSpan, res.BodySpan, res.BodyIsBinary);
    }

    /// <summary>For payloads whose format is unknown: a plain text answer that both REST and 2.0 integrations accept.</summary>
    public static byte[] WriteText(int status, string message)
    {
        var writer = Begin();
        writer.WriteNumber("statusCode"u8, status);
        writer.WriteStartObject("headers"u8);
        writer.WriteString("Content-Type"u8, "text/plain; charset=utf-8"u8);
        writer.WriteEndObject();
        writer.WriteString("body"u8, message);
        writer.WriteBoolean("isBase64Encoded"u8, false);
        return End(writer);
    }

    private static Utf8JsonWriter Begin()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Options);
        writer.Reset(buffer);
        writer.WriteStartObject();
        return writer;
    }

    private static byte[] End(Utf8JsonWriter writer)
    {
        writer.WriteEndObject();
        writer.Flush();
        var payload = t_buffer!.WrittenSpan.ToArray();
        ReleaseIfLarge();
        return payload;
    }

    /// <summary>Huge headers should not stay pinned to the thread after they have been sent.</summary>
    private static void ReleaseIfLarge()
    {
        if (t_buffer!.Capacity <= 64 * 1024) return;
        t_buffer = null;
        t_writer = null;
    }

    /// <summary>REST: one value per name in <c>headers</c>; several (and every Set-Cookie) in <c>multiValueHeaders</c>.</summary>
    private static void WriteRestHeaders(Utf8JsonWriter writer, List<(string Name, List<string> Values)> headers)
    {
        var single = 0;
        var multi = 0;
        foreach (var (name, values) in headers)
        {
            if (IsSingle(name, values)) single++;
            else if (values.Count > 0) multi++;
        }
        if (single > 0)
        {
            writer.WriteStartObject("headers"u8);
            foreach (var (name, values) in headers)
                if (IsSingle(name, values)) WriteHeader(writer, name, values[0]);
            writer.WriteEndObject();
        }
        if (multi > 0)
        {
            writer.WriteStartObject("multiValueHeaders"u8);
            foreach (var (name, values) in headers)
            {
                if (IsSingle(name, values) || values.Count == 0) continue;
                writer.WriteStartArray(name);
                foreach (var value in values) writer.WriteStringValue(value);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }

        static bool IsSingle(string name, List<string> values) =>
            values.Count == 1 && !name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>2.0: no multi-value headers, so several values are comma-joined; Set-Cookie goes to <c>cookies</c>.</summary>
    private static void WriteHttpApiHeaders(Utf8JsonWriter writer, List<(string Name, List<string> Values)> headers)
    {
        var open = false;
        foreach (var (name, values) in headers)
        {
            if (values.Count == 0 || IsSetCookie(name)) continue;
            if (!open)
            {
                writer.WriteStartObject("headers"u8);
                open = true;
            }
            WriteHeader(writer, name, values.Count == 1 ? values[0] : string.Join(",", values));
        }
        if (open) writer.WriteEndObject();

        open = false;
        foreach (var (name, values) in headers)
        {
            if (!IsSetCookie(name)) continue;
            foreach (var cookie in values)
            {
                if (!open)
                {
                    writer.WriteStartArray("cookies"u8);
                    open = true;
                }
                writer.WriteStringValue(cookie);
            }
        }
        if (open) writer.WriteEndArray();

        static bool IsSetCookie(string name) => name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// One header as a JSON string property. Names and values are ASCII but for rare exceptions: handed to the writer as
    /// UTF-8, which it checks and escapes in one pass over bytes, rather than as UTF-16, which it escapes through the
    /// encoder's char path and transcodes (the headers were a twentieth of a warm invocation, bench/callgrind.sh).
    /// The encoder escapes ASCII alike either way, so the bytes are the same.
    /// </summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private static void WriteHeader(Utf8JsonWriter writer, string name, string value)
    {
        Span<byte> ascii = stackalloc byte[256];
        if (name.Length + value.Length <= ascii.Length
            && System.Text.Ascii.FromUtf16(name, ascii, out var nameLength) == OperationStatus.Done
            && System.Text.Ascii.FromUtf16(value, ascii[nameLength..], out var valueLength) == OperationStatus.Done)
            writer.WriteString(ascii[..nameLength], ascii.Slice(nameLength, valueLength));
        else
            writer.WriteString(name, value);
    }

    /// <summary>
    /// The head (<c>{"statusCode":…,"headers":…</c>) followed by <c>,"body":"…","isBase64Encoded":…}</c>, in one array of
    /// the exact size: the body (up to 6 MB) is encoded once, into its place, with no growing buffer and no final copy.
    /// Text goes out as text; binary bodies, and bytes that are not valid UTF-8, as base64 (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html).
    /// </summary>
    private static byte[] WithBody(ReadOnlySpan<byte> head, ReadOnlySpan<byte> body, bool binary)
    {
        var base64 = !body.IsEmpty && (binary || !Utf8.IsValid(body));
        var bodyLength = base64 ? Base64.GetMaxEncodedToUtf8Length(body.Length) : JsonStringEscaper.EscapedLength(body, Options.Encoder!);
        var tail = base64 ? "\",\"isBase64Encoded\":true}"u8 : "\",\"isBase64Encoded\":false}"u8;
        var payload = GC.AllocateUninitializedArray<byte>(head.Length + BodyStart.Length + bodyLength + tail.Length);
        var at = payload.AsSpan();
        head.CopyTo(at);
        at = at[head.Length..];
        BodyStart.CopyTo(at);
        at = at[BodyStart.Length..];
        if (base64)
        {
            if (Base64.EncodeToUtf8(body, at, out _, out var written) != OperationStatus.Done || written != bodyLength)
                throw new InvalidOperationException("unreachable: base64 of a known length");
        }
        else
        {
            JsonStringEscaper.Escape(body, at[..bodyLength], Options.Encoder!);
        }
        tail.CopyTo(at[bodyLength..]);
        ReleaseIfLarge();
        return payload;
    }

    /// <summary>Follows the head, which always has <c>statusCode</c> before it.</summary>
    private static ReadOnlySpan<byte> BodyStart => ",\"body\":\""u8;
}
