using System.Text;
using System.Text.Json;
using LambdaRoutes.Json;

namespace LambdaRoutes.Http;

/// <summary>
/// The body stage of an invocation. Handler style is Next's Pages Router <c>parse-body</c>
/// (<c>packages/next/src/server/api-utils/node/parse-body.ts</c>), run before the handler: size limit first (413), then
/// by content type — JSON (empty → <c>{}</c>, invalid → 400 <c>Invalid JSON</c>), urlencoded form,
/// <c>multipart/form-data</c> (malformed → 400 <c>Invalid multipart/form-data body: …</c>; the Pages Router leaves multipart
/// unparsed, the App Router's <c>formData()</c> parses it, we parse it for both styles), otherwise text in the request
/// charset (a charset .NET cannot decode → 400 <c>Invalid body</c>, Next's answer to any other read error). With the
/// parser off, only the raw bytes. Verb style is the App Router's Web <c>Request</c>: nothing is parsed before the
/// handler, and the only check is the size limit the route declares. Total: every input gives a body or a status.
/// </summary>
internal static class BodyParser
{
    public static BodyParseResult Parse(byte[] body, string? contentType, BodySizeLimit? limit, bool parse, BodyParsing parsing, JsonResolver json)
    {
        if (parsing == BodyParsing.BeforeHandler && !parse)
            return BodyParseResult.Ok(new RequestBody(BodyKind.Raw, body, contentType, Encoding.UTF8, parsing, json));
        if (limit is not null && body.Length > limit.Bytes) return BodyParseResult.Fail(413, $"Body exceeded {limit.Text} limit");

        var (mediaType, charset) = ParseContentType(contentType);
        var kind = KindOf(mediaType, body.Length);
        // The Web Request's text(), json() and formData() decode UTF-8 whatever the charset says.
        if (parsing == BodyParsing.OnFirstRead) return BodyParseResult.Ok(new RequestBody(kind, body, contentType, Encoding.UTF8, parsing, json));

        if (EncodingOf(charset) is not { } encoding) return BodyParseResult.Fail(400, "Invalid body");
        var parsed = new RequestBody(kind, body, contentType, encoding, parsing, json);
        try
        {
            parsed.ParseNow();
            return BodyParseResult.Ok(parsed);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return BodyParseResult.Fail(400, RequestBody.RejectionMessage(ex));
        }
    }

    /// <summary>What the Content-Type says the body is; an empty body of no JSON or form type is no body.</summary>
    private static BodyKind KindOf(string mediaType, int length) => mediaType switch
    {
        "application/json" or "application/ld+json" => BodyKind.Json,
        "application/x-www-form-urlencoded" or "multipart/form-data" => BodyKind.Form,
        _ => length == 0 ? BodyKind.None : BodyKind.Text,
    };

    internal static bool IsMultipart(string? contentType) => ParseContentType(contentType).MediaType == "multipart/form-data";

    /// <summary>
    /// The decoder for a charset label, or null when .NET has none: an unknown name throws <see cref="ArgumentException"/>,
    /// but a known one it refuses (UTF-7, disabled since .NET 5) throws <see cref="NotSupportedException"/>.
    /// </summary>
    private static Encoding? EncodingOf(string? charset)
    {
        if (charset is null) return Encoding.UTF8;
        try
        {
            // Decoders from GetEncoding replace invalid bytes with U+FFFD, as Node does, so decoding itself never fails.
            return Encoding.GetEncoding(charset);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Media type lower-cased, parameters dropped except <c>charset</c> (Next parses the header case-insensitively).</summary>
    internal static (string MediaType, string? Charset) ParseContentType(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return ("text/plain", null);
        // Walked as spans: a plain "application/json" makes no string at all.
        var rest = header.AsSpan();
        var semicolon = rest.IndexOf(';');
        var mediaType = (semicolon < 0 ? rest : rest[..semicolon]).Trim();
        string? charset = null;
        while (semicolon >= 0)
        {
            rest = rest[(semicolon + 1)..];
            semicolon = rest.IndexOf(';');
            var p = semicolon < 0 ? rest : rest[..semicolon];
            var eq = p.IndexOf('=');
            if (eq > 0 && p[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
                charset = p[(eq + 1)..].Trim().Trim('"').ToString();
        }
        return ((mediaType.Length == header.Length ? header : mediaType.ToString()).ToLowerInvariant(), charset);
    }
}

/// <summary>A parsed body, or the status and message Next answers with instead of running the handler.</summary>
internal sealed record BodyParseResult(RequestBody? Body, int Status, string? Error)
{
    public static BodyParseResult Ok(RequestBody body) => new(body, 0, null);
    public static BodyParseResult Fail(int status, string message) => new(null, status, message);
}
