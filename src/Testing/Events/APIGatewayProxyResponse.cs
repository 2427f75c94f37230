using System.Text.Json.Serialization;

namespace LambdaRoutes;

/// <summary>
/// REST API Lambda proxy response (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html): exactly <c>statusCode</c>, <c>headers</c>, <c>multiValueHeaders</c>,
/// <c>body</c>, <c>isBase64Encoded</c>; nulls are not written. Multiple <c>Set-Cookie</c> need <c>multiValueHeaders</c>.
/// </summary>
public sealed class APIGatewayProxyResponse
{
    /// <summary>HTTP status.</summary>
    [JsonPropertyName("statusCode")] public int StatusCode { get; set; }

    /// <summary>Single-value headers.</summary>
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Multi-value headers (merged with <see cref="Headers"/> by API Gateway).</summary>
    [JsonPropertyName("multiValueHeaders")] public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }

    /// <summary>Body text, or base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")] public string? Body { get; set; }

    /// <summary>True when <see cref="Body"/> is base64.</summary>
    [JsonPropertyName("isBase64Encoded")] public bool IsBase64Encoded { get; set; }
}
