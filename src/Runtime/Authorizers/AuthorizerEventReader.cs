using System.Text.Json;

namespace LambdaRoutes;

/// <summary>
/// Reads API Gateway's authorizer events into an <see cref="AuthorizerRequest"/>: HTTP API REQUEST payload 2.0
/// (<c>version</c> "2.0", <c>routeArn</c>, <c>identitySource</c> list), REST TOKEN (<c>authorizationToken</c>,
/// <c>methodArn</c>) and REST REQUEST (<c>methodArn</c>, <c>httpMethod</c>, <c>path</c>, multi-value headers and query).
/// </summary>
internal static class AuthorizerEventReader
{
    /// <exception cref="FormatException">Not an authorizer event; the message says what is wrong.</exception>
    public static AuthorizerRequest Read(ReadOnlyMemory<byte> eventJson, ILambdaContext context)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(eventJson);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The authorizer event is not JSON: " + ex.Message, ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("The authorizer event is not a JSON object.");
            var type = Text(root, "type");
            return type switch
            {
                "TOKEN" => Token(root, context),
                "REQUEST" when Text(root, "version") == "2.0" => HttpApi(root, context),
                "REQUEST" => Rest(root, context),
                _ => throw new FormatException($"Not an API Gateway authorizer event: \"type\" is {(type is null ? "missing" : "\"" + type + "\"")}, expected \"TOKEN\" or \"REQUEST\"."),
            };
        }
    }

    private static AuthorizerRequest Token(JsonElement root, ILambdaContext context)
    {
        var arn = Required(root, "methodArn");
        var token = Text(root, "authorizationToken") ?? "";
        var (method, path) = FromMethodArn(arn);
        return new AuthorizerRequest(AuthorizerEventKind.RestToken, arn, method, path, context) { Token = token, IdentitySource = [token] };
    }

    private static AuthorizerRequest HttpApi(JsonElement root, ILambdaContext context)
    {
        var arn = Required(root, "routeArn");
        var http = root.TryGetProperty("requestContext", out var rc) && rc.ValueKind == JsonValueKind.Object && rc.TryGetProperty("http", out var h) ? h : default;
        var sources = root.TryGetProperty("identitySource", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];
        var headers = new HeaderMap();
        foreach (var (name, value) in Strings(root, "headers")) headers.Add(name, value);
        var query = new ParamMap();
        foreach (var (name, value) in Strings(root, "queryStringParameters")) query.Add(name, value);
        var method = http.ValueKind == JsonValueKind.Object ? Text(http, "method") : null;
        return new AuthorizerRequest(AuthorizerEventKind.HttpApiRequest, arn, method ?? FromMethodArn(arn).Method, Text(root, "rawPath") ?? "/", context)
        {
            Token = sources.Count > 0 ? sources[0] : null,
            IdentitySource = sources,
            Headers = headers,
            Query = query,
            PathParameters = Strings(root, "pathParameters"),
            StageVariables = Strings(root, "stageVariables"),
        };
    }

    private static AuthorizerRequest Rest(JsonElement root, ILambdaContext context)
    {
        var arn = Required(root, "methodArn");
        var headers = new HeaderMap();
        foreach (var (name, value) in EveryValue(root, "multiValueHeaders", "headers")) headers.Add(name, value);
        var query = new ParamMap();
        foreach (var (name, value) in EveryValue(root, "multiValueQueryStringParameters", "queryStringParameters")) query.Add(name, value);
        var fromArn = FromMethodArn(arn);
        return new AuthorizerRequest(AuthorizerEventKind.RestRequest, arn, Text(root, "httpMethod") ?? fromArn.Method, Text(root, "path") ?? fromArn.Path, context)
        {
            Headers = headers,
            Query = query,
            PathParameters = Strings(root, "pathParameters"),
            StageVariables = Strings(root, "stageVariables"),
        };
    }

    /// <summary>
    /// <c>arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{verb}/{path…}</c> → verb and <c>/path</c>
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html).
    /// </summary>
    internal static (string Method, string Path) FromMethodArn(string arn)
    {
        var resource = arn.Split(':', 6) is { Length: 6 } parts ? parts[5] : "";
        var segments = resource.Split('/', 4);
        return segments.Length >= 3 ? (segments[2], "/" + (segments.Length == 4 ? segments[3] : "")) : ("", "/");
    }

    private static string Required(JsonElement root, string name) =>
        Text(root, name) is { Length: > 0 } value ? value : throw new FormatException($"The authorizer event has no \"{name}\".");

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An object of string values (API Gateway writes these; a null map or a non-string value is left out).</summary>
    private static Dictionary<string, string> Strings(JsonElement root, string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty(name, out var map) && map.ValueKind == JsonValueKind.Object)
            foreach (var property in map.EnumerateObject())
                if (property.Value.ValueKind == JsonValueKind.String) result[property.Name] = property.Value.GetString()!;
        return result;
    }

    /// <summary>
    /// Every (name, value) of a map REST sends twice: from <paramref name="multiValued"/> when the event has it (each
    /// value in order), else from <paramref name="singleValued"/> (one value per name).
    /// </summary>
    private static IEnumerable<(string Name, string Value)> EveryValue(JsonElement root, string multiValued, string singleValued) =>
        root.TryGetProperty(multiValued, out var map) && map.ValueKind == JsonValueKind.Object
            ? map.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Array)
                .SelectMany(p => p.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => (p.Name, v.GetString()!)))
            : Strings(root, singleValued).Select(p => (p.Key, p.Value));
}
