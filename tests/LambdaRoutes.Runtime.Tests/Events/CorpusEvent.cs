using System.Text;
using System.Text.Json.Nodes;

namespace LambdaRoutes.Runtime.Tests.Events;

/// <summary>
/// What a corpus event must map to, read from the event's own JSON with AWS's documented rules (REST proxy:
/// https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html; HTTP API 2.0:
/// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html; function URLs:
/// https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html) and Next's (query and cookie parsing), never
/// from a hand-written copy of the expected values.
/// </summary>
internal sealed record CorpusEvent(
    ApiEventSource? Source,
    string Method,
    string Path,
    string? RawQuery,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Headers,
    string? CookieHeader,
    byte[]? Body,
    string? RouteTemplate,
    IReadOnlyList<KeyValuePair<string, string>> PathParameters)
{
    /// <summary>Null when the event is none of REST v1, HTTP API 2.0 or function URL: the runtime must refuse it.</summary>
    public bool Recognised => Source is not null;

    /// <summary>True when <c>isBase64Encoded</c> is set and the body is not base64.</summary>
    public bool InvalidBody => Body is null;

    public static CorpusEvent From(byte[] json)
    {
        // A few copied files start with a UTF-8 BOM; it says nothing about the event itself.
        ReadOnlySpan<byte> bytes = json;
        if (bytes.StartsWith(Utf8Bom)) bytes = bytes[Utf8Bom.Length..];
        var root = JsonNode.Parse(bytes)!.AsObject();
        var version = root["version"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var hasVersion = root["version"] is not null;
        var context = root["requestContext"] as JsonObject;

        if (version == "2.0" && Text(context?["http"]?["method"]) is { Length: > 0 } method)
        {
            var isUrl = Text(context?["domainName"])?.Contains(".lambda-url.", StringComparison.OrdinalIgnoreCase) == true;
            var raw = Text(root["rawQueryString"]);
            var headers = Map(root["headers"]).Select(h => KeyValuePair.Create(h.Key, (IReadOnlyList<string>)[h.Value])).ToList();
            var cookies = (root["cookies"] as JsonArray)?.Select(c => Text(c)!).ToList() ?? [];
            var cookieHeader = Map(root["headers"]).FirstOrDefault(h => h.Key.Equals("cookie", StringComparison.OrdinalIgnoreCase)).Value
                               ?? (cookies.Count > 0 ? string.Join("; ", cookies) : null);
            return new CorpusEvent(
                isUrl ? ApiEventSource.FunctionUrl : ApiEventSource.HttpApi, method,
                WithoutStage(Text(root["rawPath"]) ?? Text(context?["http"]?["path"]) ?? "/", Text(context?["stage"])),
                raw, raw is not null ? ParseQuery(raw) : Map(root["queryStringParameters"]),
                headers, cookieHeader, BodyOf(root),
                Text(root["routeKey"]) is { } key && key.IndexOf(' ') is > 0 and var space ? key[(space + 1)..] : null,
                Map(root["pathParameters"]));
        }
        if (Text(root["httpMethod"]) is { Length: > 0 } restMethod && (!hasVersion || version == "1.0"))
        {
            var multi = MultiMap(root["multiValueHeaders"]);
            var headers = multi.Concat(Map(root["headers"])
                    .Where(h => !multi.Any(m => m.Key.Equals(h.Key, StringComparison.OrdinalIgnoreCase)))
                    .Select(h => KeyValuePair.Create(h.Key, (IReadOnlyList<string>)[h.Value])))
                .ToList();
            var cookieValues = headers.Where(h => h.Key.Equals("cookie", StringComparison.OrdinalIgnoreCase)).SelectMany(h => h.Value).ToList();
            var multiQuery = MultiMap(root["multiValueQueryStringParameters"]);
            var query = multiQuery.Count > 0
                ? multiQuery.SelectMany(q => q.Value.Select(value => KeyValuePair.Create(q.Key, value))).ToList()
                : Map(root["queryStringParameters"]);
            // API Gateway's path always starts with '/'; a few hand-made events drop it, and the route sees it rooted.
            var path = Text(root["path"]) ?? "";
            return new CorpusEvent(
                ApiEventSource.RestApi, restMethod, path.StartsWith('/') ? path : "/" + path, null, query, headers,
                cookieValues.Count > 0 ? string.Join("; ", cookieValues) : null, BodyOf(root),
                Text(root["resource"]), Map(root["pathParameters"]));
        }
        return new CorpusEvent(null, "", "", null, [], [], null, [], null, []);
    }

    /// <summary>
    /// The route as a Next-form pattern when the event names an API Gateway template with variables
    /// (<c>/users/{id}</c> → <c>/users/[id]</c>, <c>/{proxy+}</c> → <c>/[...proxy]</c>), else null.
    /// </summary>
    public string? NextPattern => RouteTemplate is { } t && t.StartsWith('/') && t.Contains('{')
        ? string.Join('/', t.Split('/').Select(s => s switch
        {
            ['{', .. var name, '+', '}'] => $"[...{name}]",
            ['{', .. var name, '}'] => $"[{name}]",
            _ => s,
        }))
        : null;

    /// <summary>On a named stage, HTTP API's <c>rawPath</c> starts with <c>/{stage}</c>; the route never sees it.</summary>
    private static string WithoutStage(string rawPath, string? stage)
    {
        if (string.IsNullOrEmpty(stage) || stage == "$default") return rawPath;
        var prefix = "/" + stage;
        if (rawPath == prefix) return "/";
        return rawPath.StartsWith(prefix + "/", StringComparison.Ordinal) ? rawPath[prefix.Length..] : rawPath;
    }

    /// <summary>Node's <c>querystring</c> as Next uses it: <c>&amp;</c>-separated pairs, <c>+</c> is a space, percent-decoded.</summary>
    private static List<KeyValuePair<string, string>> ParseQuery(string raw) => raw
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .Select(p => KeyValuePair.Create(Unescape(p[0]), p.Length > 1 ? Unescape(p[1]) : ""))
        .ToList();

    private static string Unescape(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

    /// <summary>The body bytes, empty without a body, null when <c>isBase64Encoded</c> is set and the body is not base64.</summary>
    private static byte[]? BodyOf(JsonObject root)
    {
        if (Text(root["body"]) is not { } body) return [];
        if (root["isBase64Encoded"] is JsonValue flag && flag.TryGetValue<bool>(out var isBase64) && isBase64)
        {
            var buffer = new byte[body.Length];
            return Convert.TryFromBase64String(body, buffer, out var written) ? buffer[..written] : null;
        }
        return Encoding.UTF8.GetBytes(body);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static List<KeyValuePair<string, string>> Map(JsonNode? node) =>
        node is JsonObject o
            ? o.Where(p => Text(p.Value) is not null).Select(p => KeyValuePair.Create(p.Key, Text(p.Value)!)).ToList()
            : [];

    private static List<KeyValuePair<string, IReadOnlyList<string>>> MultiMap(JsonNode? node) =>
        node is JsonObject o
            ? o.Where(p => p.Value is JsonArray)
                .Select(p => KeyValuePair.Create(p.Key, (IReadOnlyList<string>)p.Value!.AsArray().Select(Text).OfType<string>().ToList()))
                .ToList()
            : [];

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
}
