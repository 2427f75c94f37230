using LambdaRoutes.Cdk;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LambdaRoutes.Local.Gateway;

/// <summary>
/// Builds the REST API proxy (v1) event for a request (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html), in the property order of the genuine events
/// (fixtures/events/rest-v1-*.json), for the <c>prod</c> stage the CDK construct deploys: <c>path</c> without the stage and
/// percent-encoding kept, <c>requestContext.path</c> with it; single-value maps keep the last value and the
/// <c>multiValue*</c> maps keep all; path parameters stay encoded; null (not absent) for empty maps and a missing body.
/// Every body is base64, because the construct's <c>binaryMediaTypes</c> is <c>*/*</c> (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html).
/// </summary>
internal static class RestApiEvent
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] IdentityNulls =
    [
        "accessKey", "accountId", "caller", "cognitoAuthenticationProvider", "cognitoAuthenticationType",
        "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId",
    ];

    public static byte[] Build(IncomingRequest request, GatewayMatch match, string requestId)
    {
        var headers = request.Headers.Concat(ForwardedHeaders.For(request)).ToList();
        var query = QueryParameters.Parse(request.RawQuery);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("resource", match.Route.Template);
            w.WriteString("path", request.RawPath);
            w.WriteString("httpMethod", request.Method);
            WriteSingle(w, "headers", headers, ignoreCase: true);
            WriteMulti(w, "multiValueHeaders", headers, ignoreCase: true);
            WriteSingle(w, "queryStringParameters", query, ignoreCase: false);
            WriteMulti(w, "multiValueQueryStringParameters", query, ignoreCase: false);

            w.WriteStartObject("requestContext");
            w.WriteString("accountId", GatewayIdentifiers.AccountId);
            w.WriteString("apiId", GatewayIdentifiers.ApiId);
            w.WriteString("domainName", request.Host);
            w.WriteString("domainPrefix", GatewayIdentifiers.DomainPrefix(request.Host));
            w.WriteString("extendedRequestId", GatewayIdentifiers.HttpApiRequestId());
            w.WriteString("httpMethod", request.Method);
            w.WriteStartObject("identity");
            foreach (var name in IdentityNulls)
            {
                w.WriteNull(name);
            }

            w.WriteString("sourceIp", request.SourceIp);
            w.WriteNull("user");
            w.WriteString("userAgent", request.Header("user-agent") ?? "");
            w.WriteNull("userArn");
            w.WriteEndObject();
            w.WriteString("path", "/" + GatewayIdentifiers.RestStage + request.RawPath);
            w.WriteString("protocol", request.Protocol);
            w.WriteString("requestId", requestId);
            w.WriteString("requestTime", GatewayIdentifiers.Time(request.Time));
            w.WriteNumber("requestTimeEpoch", request.Time.ToUnixTimeMilliseconds());
            w.WriteString("resourceId", GatewayIdentifiers.ResourceId(match.Route.Template));
            w.WriteString("resourcePath", match.Route.Template);
            w.WriteString("stage", GatewayIdentifiers.RestStage);
            w.WriteEndObject();

            if (match.RawPathParameters.Count > 0)
            {
                w.WriteStartObject("pathParameters");
                foreach (var (name, value) in match.RawPathParameters)
                {
                    w.WriteString(name, value);
                }

                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("pathParameters");
            }

            w.WriteNull("stageVariables");
            var base64 = BodyEncoding.IsBase64(ApiKind.Rest, request.Header("content-type"), request.Body);
            if (request.Body.Length > 0)
            {
                w.WriteString("body", BodyEncoding.Encode(base64, request.Body));
            }
            else
            {
                w.WriteNull("body");
            }

            w.WriteBoolean("isBase64Encoded", base64);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteSingle(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<string, string>> pairs, bool ignoreCase)
    {
        if (pairs.Count == 0)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        foreach (var group in Group(pairs, ignoreCase))
        {
            w.WriteString(group.Key, group.Last().Value);
        }

        w.WriteEndObject();
    }

    private static void WriteMulti(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<string, string>> pairs, bool ignoreCase)
    {
        if (pairs.Count == 0)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        foreach (var group in Group(pairs, ignoreCase))
        {
            w.WriteStartArray(group.Key);
            foreach (var pair in group)
            {
                w.WriteStringValue(pair.Value);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>Groups by name, keyed by the first spelling seen (REST keeps header case as sent).</summary>
    private static IEnumerable<IGrouping<string, KeyValuePair<string, string>>> Group(IEnumerable<KeyValuePair<string, string>> pairs, bool ignoreCase)
    {
        var comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        return pairs.GroupBy(p => p.Key, comparer);
    }
}
