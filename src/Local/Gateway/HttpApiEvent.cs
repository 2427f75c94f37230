using LambdaRoutes.Cdk;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LambdaRoutes.Local.Gateway;

/// <summary>
/// Builds the HTTP API payload 2.0 event for a request (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html), in the property order of the genuine events
/// (fixtures/events/http-v2-*.json), with the <c>$default</c> stage the CDK construct deploys (so <c>rawPath</c> has no prefix):
/// lower-cased headers with repeats comma-joined, the <c>cookie</c> header moved to <c>cookies[]</c>, decoded query values
/// comma-joined, decoded path parameters, and base64 for bodies that are not text. Maps and the body are absent when empty.
/// </summary>
internal static class HttpApiEvent
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Build(IncomingRequest request, GatewayMatch match, string requestId)
    {
        var routeKey = $"{match.Route.Method} {match.Route.Template}";
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("version", "2.0");
            w.WriteString("routeKey", routeKey);
            w.WriteString("rawPath", request.DecodedPath);
            w.WriteString("rawQueryString", request.RawQuery);

            var cookies = request.Headers.Where(h => h.Key.Equals("cookie", StringComparison.OrdinalIgnoreCase))
                .SelectMany(h => h.Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
            if (cookies.Count > 0)
            {
                w.WriteStartArray("cookies");
                cookies.ForEach(w.WriteStringValue);
                w.WriteEndArray();
            }

            w.WriteStartObject("headers");
            foreach (var group in Headers(request).GroupBy(h => h.Key.ToLowerInvariant()))
            {
                w.WriteString(group.Key, string.Join(',', group.Select(h => h.Value)));
            }

            w.WriteEndObject();

            var query = QueryParameters.Parse(request.RawQuery);
            if (query.Count > 0)
            {
                w.WriteStartObject("queryStringParameters");
                foreach (var group in query.GroupBy(p => p.Key))
                {
                    w.WriteString(group.Key, string.Join(',', group.Select(p => p.Value)));
                }

                w.WriteEndObject();
            }

            w.WriteStartObject("requestContext");
            w.WriteString("accountId", GatewayIdentifiers.AccountId);
            w.WriteString("apiId", GatewayIdentifiers.ApiId);
            w.WriteString("domainName", request.Host);
            w.WriteString("domainPrefix", GatewayIdentifiers.DomainPrefix(request.Host));
            w.WriteStartObject("http");
            w.WriteString("method", request.Method);
            w.WriteString("path", request.DecodedPath);
            w.WriteString("protocol", request.Protocol);
            w.WriteString("sourceIp", request.SourceIp);
            w.WriteString("userAgent", request.Header("user-agent") ?? "");
            w.WriteEndObject();
            w.WriteString("requestId", requestId);
            w.WriteString("routeKey", routeKey);
            w.WriteString("stage", "$default");
            w.WriteString("time", GatewayIdentifiers.Time(request.Time));
            w.WriteNumber("timeEpoch", request.Time.ToUnixTimeMilliseconds());
            w.WriteEndObject();

            var base64 = BodyEncoding.IsBase64(ApiKind.Http, request.Header("content-type"), request.Body);
            if (request.Body.Length > 0)
            {
                w.WriteString("body", BodyEncoding.Encode(base64, request.Body));
            }

            if (match.RawPathParameters.Count > 0)
            {
                // HTTP API decodes path parameters, %2F included (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
                w.WriteStartObject("pathParameters");
                foreach (var (name, value) in match.RawPathParameters)
                {
                    w.WriteString(name, Uri.UnescapeDataString(value));
                }

                w.WriteEndObject();
            }

            w.WriteBoolean("isBase64Encoded", base64);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The client's headers minus <c>cookie</c> (it travels in <c>cookies[]</c>), plus what API Gateway adds.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Headers(IncomingRequest request)
    {
        foreach (var header in request.Headers.Where(h => !h.Key.Equals("cookie", StringComparison.OrdinalIgnoreCase)))
        {
            yield return header;
        }

        foreach (var added in ForwardedHeaders.For(request))
        {
            yield return added;
        }
    }
}
