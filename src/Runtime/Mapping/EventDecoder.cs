using System.Text.Json;
using LambdaRoutes.Events;

namespace LambdaRoutes.Mapping;

/// <summary>
/// Tells the payload formats apart from the payload itself (DESIGN.md §4), then binds the matching model:
/// <c>"version": "2.0"</c> → HTTP API 2.0, or a function URL when the domain is <c>*.lambda-url.*</c> (aws.md §2.5);
/// an <c>httpMethod</c> property → REST proxy v1 (or HTTP API payload 1.0, same shape, aws.md §2.3).
/// </summary>
internal static class EventDecoder
{
    public static DecodedEvent Decode(ReadOnlySpan<byte> payload)
    {
        var probe = Probe(payload);
        if (probe.Error is { } error) return new DecodedEvent.InvalidJson(error);
        try
        {
            if (probe.Version == "2.0")
            {
                var v2 = JsonSerializer.Deserialize(payload, EventJsonContext.Wire.APIGatewayHttpApiV2ProxyRequest);
                if (v2?.RequestContext?.Http?.Method is not { Length: > 0 })
                    return new DecodedEvent.UnknownShape("a 2.0 event without requestContext.http.method");
                var isUrl = v2.RequestContext.DomainName?.Contains(".lambda-url.", StringComparison.OrdinalIgnoreCase) == true;
                return new DecodedEvent.HttpApi(v2, isUrl);
            }
            if (probe.HasHttpMethod && probe.Version is null or "1.0")
            {
                var v1 = JsonSerializer.Deserialize(payload, EventJsonContext.Wire.APIGatewayProxyRequest);
                if (v1?.HttpMethod is not { Length: > 0 })
                    return new DecodedEvent.UnknownShape("a REST event with an empty httpMethod");
                return new DecodedEvent.RestApi(v1);
            }
        }
        catch (JsonException ex) when (ex.InnerException is InvalidOperationException)
        {
            // A string that cannot be transcoded (e.g. an escaped lone surrogate).
            return new DecodedEvent.InvalidJson(ex.Message);
        }
        catch (JsonException ex)
        {
            // Right shape, wrong types inside (e.g. "headers": 5).
            return new DecodedEvent.UnknownShape("a field has the wrong type: " + ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // Invalid UTF-8 inside a string surfaces when it is transcoded.
            return new DecodedEvent.InvalidJson(ex.Message);
        }
        return new DecodedEvent.UnknownShape(probe.Version is { } v
            ? $"unsupported payload version \"{v}\""
            : "neither \"version\": \"2.0\" nor \"httpMethod\" is present");
    }

    private readonly record struct ProbeResult(string? Version, bool HasHttpMethod, string? Error);

    /// <summary>Reads only the top-level property names (and <c>version</c>); also validates the whole document, UTF-8 included.</summary>
    private static ProbeResult Probe(ReadOnlySpan<byte> payload)
    {
        // The reader checks structure, not the UTF-8 inside strings it skips; check the whole payload once (vectorised).
        if (!System.Text.Unicode.Utf8.IsValid(payload))
            return new ProbeResult(null, false, "the payload is not valid UTF-8");
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return new ProbeResult(null, false, "the event is not a JSON object");
            string? version = null;
            var hasHttpMethod = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals("version"u8);
                var isMethod = reader.ValueTextEquals("httpMethod"u8);
                reader.Read();
                if (isVersion && reader.TokenType == JsonTokenType.String) version = reader.GetString();
                else if (isMethod && reader.TokenType == JsonTokenType.String) hasHttpMethod = true;
                else reader.Skip();
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                return new ProbeResult(null, false, "trailing data after the JSON object");
            return new ProbeResult(version, hasHttpMethod, null);
        }
        catch (JsonException ex)
        {
            return new ProbeResult(null, false, ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // GetString on an undecodable string throws InvalidOperationException.
            return new ProbeResult(null, false, ex.Message);
        }
    }
}
