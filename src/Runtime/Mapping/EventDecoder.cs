using System.Text.Json;

namespace LambdaRoutes.Mapping;

/// <summary>
/// Tells the payload formats apart from the payload itself (docs/runtime.md), then maps the matching one:
/// <c>"version": "2.0"</c> → HTTP API 2.0, or a function URL when the domain is <c>*.lambda-url.*</c> (https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html);
/// an <c>httpMethod</c> property → REST proxy v1 (or HTTP API payload 1.0, same shape, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
/// Stages: validate UTF-8 → read the fields (<see cref="EventReader"/>) → classify → map.
/// </summary>
internal static class EventDecoder
{
    /// <param name="payload">The event; the decoded request's body may be a slice of it, so it must not be reused while the request is served.</param>
    public static DecodedEvent Decode(ReadOnlyMemory<byte> payload)
    {
        // A leading UTF-8 byte order mark is not part of the JSON; AWS's .NET runtime skips it (JsonSerializer on a stream).
        if (payload.Span.StartsWith(Utf8ByteOrderMark)) payload = payload[Utf8ByteOrderMark.Length..];
        // The reader checks structure, not the UTF-8 inside strings it skips; check the whole payload once (vectorised).
        if (!System.Text.Unicode.Utf8.IsValid(payload.Span)) return new DecodedEvent.InvalidJson("the payload is not valid UTF-8");
        EventFields fields;
        try
        {
            fields = EventReader.Read(payload);
        }
        catch (JsonException ex)
        {
            return new DecodedEvent.InvalidJson(ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // A string that cannot be decoded (e.g. an escaped lone surrogate).
            return new DecodedEvent.InvalidJson(ex.Message);
        }
        catch (EventReader.WrongTypeException ex)
        {
            // Right shape, wrong types inside (e.g. "headers": 5).
            return new DecodedEvent.UnknownShape("a field has the wrong type: " + ex.Message);
        }

        if (fields.Version == "2.0")
        {
            if (fields.RequestMethod is not { Length: > 0 })
                return new DecodedEvent.UnknownShape("a 2.0 event without requestContext.http.method");
            var isUrl = fields.DomainName is { } domain && IsFunctionUrlDomain(domain);
            return new DecodedEvent.Request(HttpApiMapper.ToRequest(fields, isUrl));
        }
        if (fields.HttpMethod is not null && fields.Version is null or "1.0")
        {
            if (fields.HttpMethod.Length == 0) return new DecodedEvent.UnknownShape("a REST event with an empty httpMethod");
            return new DecodedEvent.Request(RestApiMapper.ToRequest(fields));
        }
        return new DecodedEvent.UnknownShape(fields.Version is { } v
            ? $"unsupported payload version \"{v}\""
            : "neither \"version\": \"2.0\" nor \"httpMethod\" is present");
    }

    /// <summary>
    /// Whether the domain holds <c>.lambda-url.</c>, ignoring ASCII case. Not <c>Contains(…, OrdinalIgnoreCase)</c>: with
    /// invariant globalization that walks the text through the Unicode casing tables, about 1.9 k instructions of every
    /// invocation (bench/callgrind.sh); no non-ASCII character upper-cases to a letter of this needle, so the answer is the same.
    /// </summary>
    private static bool IsFunctionUrlDomain(string domain)
    {
        const string needle = ".lambda-url.";
        for (var at = domain.IndexOf('.'); at >= 0 && domain.Length - at >= needle.Length; at = domain.IndexOf('.', at + 1))
            if (domain.AsSpan(at, needle.Length).Equals(needle, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];
}
