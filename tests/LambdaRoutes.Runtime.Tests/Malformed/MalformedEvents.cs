using System.Text;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.Malformed;

/// <summary>The malformed inputs and the answer defined for each (docs/runtime.md, "Bad input").</summary>
internal static class MalformedEvents
{
    public const string Route = "/api/echo";

    /// <summary>Echoes the body text (a JSON body must be a JSON string, echoed unquoted); echoes header <c>x-echo</c> back as a response header.</summary>
    public static IApiRoute EchoRoute() => new Support.InlineRoute((req, res) =>
    {
        if (req.Headers["x-echo"] is { } echo) res.SetHeader("x-echo", echo);
        res.Send(req.Body.Kind == BodyKind.Json ? (string?)req.Body.Json : req.Body.Text);
    });

    public sealed record Case(string Name, byte[] Event, int Status, string Body);

    public static IEnumerable<Case> All(string route = Route)
    {
        yield return new("non-JSON event", "this is not json"u8.ToArray(), 400, "Invalid event: the payload is not valid JSON");
        yield return new("truncated JSON event", "{\"version\":\"2.0\",\"rawPath\":"u8.ToArray(), 400, "Invalid event: the payload is not valid JSON");
        yield return new("JSON that is not an object", "[1,2,3]"u8.ToArray(), 400, "Invalid event: the payload is not valid JSON");
        yield return new("unknown payload shape", "{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}"u8.ToArray(), 400,
            "Unrecognised event: expected an API Gateway REST (v1), HTTP API (2.0) or function URL event");
        yield return new("unsupported payload version", Encoding.UTF8.GetBytes("{\"version\":\"3.0\",\"rawPath\":\"" + route + "\"}"), 400,
            "Unrecognised event: expected an API Gateway REST (v1), HTTP API (2.0) or function URL event");
        yield return new("right shape, wrong field type", Encoding.UTF8.GetBytes("{\"httpMethod\":\"GET\",\"path\":\"" + route + "\",\"headers\":5}"), 400,
            "Unrecognised event: expected an API Gateway REST (v1), HTTP API (2.0) or function URL event");
        yield return new("bad base64 body (HTTP API)",
            new HttpApiEventBuilder().Post(route).RawEventBody("not*base64!", isBase64Encoded: true).ToJson(), 400, "Invalid body");
        yield return new("bad base64 body (REST)",
            new RestApiEventBuilder().Post(route).RawEventBody("%%%%", isBase64Encoded: true).ToJson(), 400, "Invalid body");
        yield return new("truncated UTF-8 inside the event JSON", TruncatedUtf8InEvent(route), 400, "Invalid event: the payload is not valid JSON");
        yield return new("truncated UTF-8 in a nested header value", TruncatedUtf8InHeader(route), 400, "Invalid event: the payload is not valid JSON");
        yield return new("truncated UTF-8 in a text body",
            new HttpApiEventBuilder().Post(route).Body(new byte[] { 0x61, 0xE2, 0x82 }, "text/plain").ToJson(), 200, "a\uFFFD");
        yield return new("truncated UTF-8 in a JSON body",
            new HttpApiEventBuilder().Post(route).Body(new byte[] { 0x22, 0x61, 0xE2, 0x82, 0x22 }, "application/json").ToJson(), 200, "a\uFFFD");
        yield return new("7 MB body", new HttpApiEventBuilder().Post(route).Body(new string('x', 7 * 1024 * 1024), "text/plain").ToJson(),
            413, "Body exceeded 1mb limit");
        yield return new("CR/LF in a response header value",
            new RestApiEventBuilder().Get(route).Header("x-echo", "a\r\nSet-Cookie: pwned=1").ToJson(), 500, "Internal Server Error");
        yield return new("CR/LF in the request path",
            new RestApiEventBuilder().Get(route + "/\r\nLocation: evil/").ToJson(), 400, "Bad Request");
    }

    /// <summary>A valid-looking event whose query string holds the first two bytes of a three-byte character.</summary>
    private static byte[] TruncatedUtf8InEvent(string route)
    {
        var text = Encoding.UTF8.GetBytes("{\"version\":\"2.0\",\"rawPath\":\"" + route + "\",\"rawQueryString\":\"q=\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}}");
        var at = Array.IndexOf(text, (byte)'q') + 2;
        return text[..at].Concat(new byte[] { 0xE2, 0x82 }).Concat(text[at..]).ToArray();
    }

    /// <summary>The same, inside a header value (a nested string the probe skips over).</summary>
    private static byte[] TruncatedUtf8InHeader(string route)
    {
        var text = Encoding.UTF8.GetBytes("{\"version\":\"2.0\",\"rawPath\":\"" + route + "\",\"headers\":{\"x-a\":\"v\"},\"requestContext\":{\"http\":{\"method\":\"GET\"}}}");
        var at = Array.IndexOf(text, (byte)'v', Array.IndexOf(text, (byte)'x'));
        return text[..at].Concat(new byte[] { 0xE2, 0x82 }).Concat(text[at..]).ToArray();
    }

    public static byte[] GoodEvent(string marker) => new HttpApiEventBuilder().Post(Route).Body(marker, "text/plain").ToJson();
}
