using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaRoutes.Json;
using LambdaRoutes.Mapping;

namespace LambdaRoutes.Http;

/// <summary>
/// Next's <c>parse-body</c> (Next.js packages/next/src/server/api-utils/node/parse-body.ts), run before the handler: size limit first (413), then by content type —
/// JSON (empty → <c>{}</c>, invalid → 400 <c>Invalid JSON</c>), urlencoded form, <c>multipart/form-data</c> (fields and
/// files; malformed → 400 <c>Invalid multipart/form-data body: …</c> — Next's Pages Router leaves multipart unparsed, the
/// App Router's <c>formData()</c> parses it; we parse it for both styles), otherwise text in the request charset
/// (unsupported charset → 400 <c>Invalid body</c>). With the parser off, only the raw bytes.
/// </summary>
internal static class BodyParser
{
    public static BodyParseResult Parse(byte[] body, string? contentType, BodySizeLimit limit, bool parse, JsonResolver json)
    {
        if (!parse) return BodyParseResult.Ok(new RequestBody(BodyKind.Raw, body, null, null, null, json));
        if (body.Length > limit.Bytes) return BodyParseResult.Fail(413, $"Body exceeded {limit.Text} limit");

        var (mediaType, charset) = ParseContentType(contentType);
        Encoding encoding;
        try { encoding = charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset); }
        catch (ArgumentException) { return BodyParseResult.Fail(400, "Invalid body"); }
        // Node decodes with replacement characters, never failing on bad bytes; so do we.
        var text = encoding.GetString(body);

        switch (mediaType)
        {
            case "application/json":
            case "application/ld+json":
                if (text.Length == 0) return BodyParseResult.Ok(new RequestBody(BodyKind.Json, body, text, new JsonObject(), null, json));
                try
                {
                    var node = JsonNode.Parse(text);
                    return BodyParseResult.Ok(new RequestBody(BodyKind.Json, body, text, node, null, json));
                }
                catch (JsonException)
                {
                    return BodyParseResult.Fail(400, "Invalid JSON");
                }
            case "multipart/form-data":
                try
                {
                    var form = Forms.MultipartParser.Parse(body, contentType);
                    return BodyParseResult.Ok(new RequestBody(BodyKind.Form, body, null, null, null, json, form));
                }
                catch (FormatException ex)
                {
                    return BodyParseResult.Fail(400, "Invalid multipart/form-data body: " + ex.Message);
                }
            case "application/x-www-form-urlencoded":
                return BodyParseResult.Ok(new RequestBody(BodyKind.Form, body, text, null, QueryStringParser.Parse(text), json));
            default:
                var kind = body.Length == 0 ? BodyKind.None : BodyKind.Text;
                return BodyParseResult.Ok(new RequestBody(kind, body, text, null, null, json));
        }
    }

    /// <summary>Media type lower-cased, parameters dropped except <c>charset</c> (Next parses the header case-insensitively).</summary>
    internal static (string MediaType, string? Charset) ParseContentType(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return ("text/plain", null);
        var parts = header.Split(';');
        string? charset = null;
        foreach (var p in parts.Skip(1))
        {
            var eq = p.IndexOf('=');
            if (eq > 0 && p[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
                charset = p[(eq + 1)..].Trim().Trim('"');
        }
        return (parts[0].Trim().ToLowerInvariant(), charset);
    }
}

/// <summary>A parsed body, or the status and message Next answers with instead of running the handler.</summary>
internal sealed record BodyParseResult(RequestBody? Body, int Status, string? Error)
{
    public static BodyParseResult Ok(RequestBody body) => new(body, 0, null);
    public static BodyParseResult Fail(int status, string message) => new(null, status, message);
}
