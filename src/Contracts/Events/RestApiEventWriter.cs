using LambdaRoutes.Cdk;
using System.Text.Json;

namespace LambdaRoutes.Contracts.Events;

/// <summary>
/// Writes the REST API proxy (v1) event for a request (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html), in the property order of the genuine events
/// (tests/fixtures/events/rest-v1-*.json): <c>path</c> without the stage and percent-encoding kept,
/// <c>requestContext.path</c> with the stage; single-value maps keep the last value and the <c>multiValue*</c> maps keep
/// all; path parameters stay encoded; null (not absent) for empty maps and a missing body. Every body is base64, because
/// the CDK construct's <c>binaryMediaTypes</c> is <c>*/*</c> (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html).
/// </summary>
internal static class RestApiEventWriter
{
    private static readonly string[] CognitoNulls =
    [
        "cognitoAuthenticationProvider", "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId",
    ];

    public static byte[] Write(ProxyEventRequest request)
    {
        var context = request.Context;
        var resource = context.RouteTemplate ?? request.RawPath;
        var query = QueryString.Parse(request.RawQuery);
        var headers = request.AllHeaders.ToList();
        var (body, base64) = request.Body.Encode(ApiKind.Rest, request.Header("content-type"));
        return EventJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("resource", resource);
            w.WriteString("path", request.RawPath);
            w.WriteString("httpMethod", request.Method);
            WriteSingle(w, "headers", headers, ignoreCase: true);
            WriteMulti(w, "multiValueHeaders", headers, ignoreCase: true);
            WriteSingle(w, "queryStringParameters", query, ignoreCase: false);
            WriteMulti(w, "multiValueQueryStringParameters", query, ignoreCase: false);

            EventJson.StartRequestContext(w, context);
            w.WriteString("extendedRequestId", context.ExtendedRequestId ?? context.RequestId);
            w.WriteString("httpMethod", request.Method);
            WriteIdentity(w, request, context.Caller);
            w.WriteString("path", "/" + context.Stage + request.RawPath);
            w.WriteString("protocol", context.Protocol);
            w.WriteString("requestId", context.RequestId);
            w.WriteString("requestTime", GatewayFormats.Time(context.Time));
            w.WriteNumber("requestTimeEpoch", context.Time.ToUnixTimeMilliseconds());
            w.WriteString("resourceId", GatewayFormats.ResourceId(resource));
            w.WriteString("resourcePath", resource);
            w.WriteString("stage", context.Stage);
            w.WriteEndObject();

            EventJson.WriteMap(w, "pathParameters", context.RawPathParameters, nullWhenEmpty: true);
            w.WriteNull("stageVariables");
            if (body is null)
            {
                w.WriteNull("body");
            }
            else
            {
                w.WriteString("body", body);
            }

            w.WriteBoolean("isBase64Encoded", base64);
            w.WriteEndObject();
        });
    }

    /// <summary>Nulls where an unsigned request has none; the IAM caller's values when it was signed.</summary>
    private static void WriteIdentity(Utf8JsonWriter w, ProxyEventRequest request, SignedCaller? caller)
    {
        w.WriteStartObject("identity");
        WriteNullable(w, "accessKey", caller?.AccessKey);
        WriteNullable(w, "accountId", caller?.AccountId);
        WriteNullable(w, "caller", caller?.Caller);
        foreach (var name in CognitoNulls)
        {
            w.WriteNull(name);
        }

        w.WriteString("sourceIp", request.Context.SourceIp);
        WriteNullable(w, "user", caller?.User);
        w.WriteString("userAgent", request.Header("user-agent") ?? "");
        WriteNullable(w, "userArn", caller?.UserArn);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteSingle(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<string, string>> pairs, bool ignoreCase) =>
        EventJson.WriteMap(w, name, Group(pairs, ignoreCase).Select(g => KeyValuePair.Create(g.Key, g.Last().Value)), nullWhenEmpty: true);

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
