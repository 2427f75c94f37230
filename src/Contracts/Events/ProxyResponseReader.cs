using LambdaRoutes.Cdk;
using System.Text;
using System.Text.Json;

namespace LambdaRoutes.Contracts.Events;

/// <summary>
/// A route's proxy response as API Gateway reads it: status, headers in order (<c>multiValueHeaders</c> first, then the
/// <c>headers</c> they do not name; a name may repeat, <c>Set-Cookie</c> included), HTTP API's <c>cookies[]</c>, and the
/// body decoded from base64 when <see cref="IsBase64Encoded"/>.
/// </summary>
internal sealed record ProxyResponse(
    int StatusCode,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    IReadOnlyList<string> Cookies,
    byte[] Body,
    bool IsBase64Encoded);

/// <summary>
/// Reads a function's output the way API Gateway does (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html),
/// or says why API Gateway would reject it (REST: any other shape is "Malformed Lambda proxy response", 502; HTTP API:
/// output that is not JSON, 500). The local API Gateway and the Testing kit's <c>RouteTester</c> both read with it.
/// </summary>
internal static class ProxyResponseReader
{
    private static readonly HashSet<string> RestKeys = ["statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded"];

    public static ProxyResponse? Read(ApiKind kind, byte[] payload, out string? error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException ex)
        {
            error = "the output is not JSON (" + ex.Message + ")";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            var isResponseObject = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("statusCode", out _);
            if (kind == ApiKind.Rest)
            {
                if (!isResponseObject)
                {
                    error = "a REST proxy response is an object with a statusCode";
                    return null;
                }

                if (root.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => !RestKeys.Contains(name)) is { } extra)
                {
                    error = $"a REST proxy response has no \"{extra}\"";
                    return null;
                }

                return FromObject(root, kind, out error);
            }

            // 2.0 inference: valid JSON without a statusCode is a 200 JSON body (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
            error = null;
            return isResponseObject
                ? FromObject(root, kind, out error)
                : new ProxyResponse(200, [new("Content-Type", "application/json")], [], payload, false);
        }
    }

    private static ProxyResponse? FromObject(JsonElement root, ApiKind kind, out string? error)
    {
        if (!root.GetProperty("statusCode").TryGetInt32(out var status) || status is < 100 or > 599)
        {
            error = "statusCode is not an HTTP status";
            return null;
        }

        var headers = new List<KeyValuePair<string, string>>();
        var multiNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (kind == ApiKind.Rest && root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
        {
            // multiValueHeaders wins over headers for the same name (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html).
            foreach (var header in multi.EnumerateObject().Where(h => h.Value.ValueKind == JsonValueKind.Array))
            {
                multiNames.Add(header.Name);
                headers.AddRange(header.Value.EnumerateArray().Select(v => new KeyValuePair<string, string>(header.Name, Scalar(v))));
            }
        }

        if (root.TryGetProperty("headers", out var single) && single.ValueKind == JsonValueKind.Object)
        {
            headers.AddRange(single.EnumerateObject().Where(h => !multiNames.Contains(h.Name))
                .Select(h => new KeyValuePair<string, string>(h.Name, Scalar(h.Value))));
        }

        var cookies = new List<string>();
        if (kind == ApiKind.Http && root.TryGetProperty("cookies", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            // Each cookies[] entry is its own Set-Cookie header (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
            cookies.AddRange(array.EnumerateArray().Select(Scalar));
        }

        var text = root.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String ? body.GetString() ?? "" : "";
        var base64 = root.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
        try
        {
            error = null;
            return new ProxyResponse(status, headers, cookies, base64 ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text), base64);
        }
        catch (FormatException)
        {
            error = "isBase64Encoded is true but the body is not base64";
            return null;
        }
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };
}
