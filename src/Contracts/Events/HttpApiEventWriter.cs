using LambdaRoutes.Cdk;
using System.Text.Json;

namespace LambdaRoutes.Contracts.Events;

/// <summary>
/// Writes the HTTP API payload 2.0 event for a request (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html),
/// or a function URL's (https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html), in the property order of
/// the genuine events (tests/fixtures/events/http-v2-*.json): <c>rawPath</c> decoded except <c>%2F</c> and prefixed
/// with a named stage; lower-cased headers with repeats comma-joined; the <c>cookie</c> header moved to <c>cookies[]</c>
/// (a function URL keeps it in the headers too); decoded query values comma-joined; decoded path parameters; base64
/// for bodies that are not text. Maps and the body are absent when empty.
/// </summary>
internal static class HttpApiEventWriter
{
    public static byte[] Write(ProxyEventRequest request)
    {
        var context = request.Context;
        var routeKey = context.RouteTemplate is null ? "$default" : $"{context.RouteMethod} {context.RouteTemplate}";
        var rawPath = context.Stage == "$default"
            ? GatewayFormats.DecodedPath(request.RawPath)
            : "/" + context.Stage + GatewayFormats.DecodedPath(request.RawPath);
        var cookieHeaders = request.Headers.Where(h => h.Key.Equals("cookie", StringComparison.OrdinalIgnoreCase)).ToList();
        var headers = context.FunctionUrl ? request.AllHeaders : request.AllHeaders.Except(cookieHeaders);
        var (body, base64) = request.Body.Encode(ApiKind.Http, request.Header("content-type"));
        return EventJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("version", "2.0");
            w.WriteString("routeKey", routeKey);
            w.WriteString("rawPath", rawPath);
            w.WriteString("rawQueryString", request.RawQuery);

            var cookies = cookieHeaders
                .SelectMany(h => h.Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
            if (cookies.Count > 0)
            {
                w.WriteStartArray("cookies");
                cookies.ForEach(w.WriteStringValue);
                w.WriteEndArray();
            }

            EventJson.WriteMap(w, "headers", headers.GroupBy(h => h.Key.ToLowerInvariant())
                .Select(g => KeyValuePair.Create(g.Key, string.Join(',', g.Select(h => h.Value)))), nullWhenEmpty: false);
            EventJson.WriteMap(w, "queryStringParameters", QueryString.Parse(request.RawQuery).GroupBy(p => p.Key)
                .Select(g => KeyValuePair.Create(g.Key, string.Join(',', g.Select(p => p.Value)))), nullWhenEmpty: false);

            EventJson.StartRequestContext(w, context);
            w.WriteStartObject("http");
            w.WriteString("method", request.Method);
            w.WriteString("path", rawPath);
            w.WriteString("protocol", context.Protocol);
            w.WriteString("sourceIp", context.SourceIp);
            w.WriteString("userAgent", request.Header("user-agent") ?? "");
            w.WriteEndObject();
            w.WriteString("requestId", context.RequestId);
            w.WriteString("routeKey", routeKey);
            w.WriteString("stage", context.Stage);
            w.WriteString("time", GatewayFormats.Time(context.Time));
            w.WriteNumber("timeEpoch", context.Time.ToUnixTimeMilliseconds());
            w.WriteEndObject();

            if (body is not null)
            {
                w.WriteString("body", body);
            }

            // HTTP API decodes path parameters, %2F included (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
            EventJson.WriteMap(w, "pathParameters",
                context.RawPathParameters.Select(p => KeyValuePair.Create(p.Key, Uri.UnescapeDataString(p.Value))), nullWhenEmpty: false);
            w.WriteBoolean("isBase64Encoded", base64);
            w.WriteEndObject();
        });
    }
}
