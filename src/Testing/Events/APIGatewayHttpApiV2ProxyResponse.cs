using System.Text.Json.Serialization;

namespace LambdaRoutes;

/// <summary>
/// HTTP API 2.0 / function URL response (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html): <c>statusCode</c>, <c>headers</c> (multi-values comma-joined),
/// <c>cookies</c> (one entry per <c>Set-Cookie</c>), <c>body</c>, <c>isBase64Encoded</c>. Always explicit, never
/// relying on 2.0 inference.
/// </summary>
public sealed class APIGatewayHttpApiV2ProxyResponse
{
    /// <summary>HTTP status.</summary>
    [JsonPropertyName("statusCode")] public int StatusCode { get; set; }

    /// <summary>Headers; several values of one name are comma-joined.</summary>
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Cookies to set, each becoming its own <c>set-cookie</c> header.</summary>
    [JsonPropertyName("cookies")] public List<string>? Cookies { get; set; }

    /// <summary>Body text, or base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")] public string? Body { get; set; }

    /// <summary>True when <see cref="Body"/> is base64.</summary>
    [JsonPropertyName("isBase64Encoded")] public bool IsBase64Encoded { get; set; }
}
