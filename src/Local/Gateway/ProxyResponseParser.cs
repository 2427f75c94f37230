using LambdaRoutes.Cdk;
using System.Text;
using System.Text.Json;

namespace LambdaRoutes.Local.Gateway;

/// <summary>
/// Turns a function's output into the HTTP response API Gateway would send (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html), or null when API Gateway
/// would reject it (REST: any other shape is "Malformed Lambda proxy response", 502; HTTP API: output that is not JSON, 500).
/// </summary>
internal static class ProxyResponseParser
{
    private static readonly HashSet<string> RestKeys = ["statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded"];

    public static GatewayResponse? Parse(ApiKind flavor, byte[] payload)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            var isResponseObject = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("statusCode", out _);
            if (flavor == ApiKind.Rest)
            {
                return isResponseObject && root.EnumerateObject().All(p => RestKeys.Contains(p.Name)) ? FromObject(root, flavor) : null;
            }

            // 2.0 inference: valid JSON without a statusCode is a 200 JSON body (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
            return isResponseObject
                ? FromObject(root, flavor)
                : new GatewayResponse(200, [new("Content-Type", "application/json")], payload);
        }
    }

    private static GatewayResponse? FromObject(JsonElement root, ApiKind flavor)
    {
        if (!root.GetProperty("statusCode").TryGetInt32(out var status) || status is < 100 or > 599)
        {
            return null;
        }

        var headers = new List<KeyValuePair<string, string>>();
        var multiNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (flavor == ApiKind.Rest && root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
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

        if (flavor == ApiKind.Http && root.TryGetProperty("cookies", out var cookies) && cookies.ValueKind == JsonValueKind.Array)
        {
            // Each cookies[] entry is its own Set-Cookie header (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
            headers.AddRange(cookies.EnumerateArray().Select(c => new KeyValuePair<string, string>("Set-Cookie", Scalar(c))));
        }

        if (!headers.Any(h => h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(new("Content-Type", DefaultContentType(flavor)));
        }

        var text = root.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String ? body.GetString() ?? "" : "";
        var base64 = root.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
        byte[] bytes;
        try
        {
            bytes = base64 ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text);
        }
        catch (FormatException)
        {
            return null;
        }

        return new GatewayResponse(status, headers, bytes);
    }

    /// <summary>
    /// What API Gateway sends when a response object names no content type. Recorded from real APIs in AWS's own test tool
    /// (aws/aws-lambda-dotnet, Tools/LambdaTestTool-v2/tests/Amazon.Lambda.TestTool.IntegrationTests/Snapshots/
    /// V2_SetsCorrectStatusCode.json and V1_DefaultsToCorrectContentTYpeRest.json): an HTTP API answers
    /// <c>text/plain; charset=utf-8</c>, a REST API <c>application/json</c>. (sam local sends application/json for both.)
    /// </summary>
    private static string DefaultContentType(ApiKind flavor) =>
        flavor == ApiKind.Rest ? "application/json" : "text/plain; charset=utf-8";

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };
}
