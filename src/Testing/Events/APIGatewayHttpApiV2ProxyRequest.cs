using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LambdaRoutes;

/// <summary>
/// HTTP API payload format 2.0 request, also used by Lambda function URLs (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html, https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html), with AWS's JSON names.
/// Same type name and members as Amazon.Lambda.APIGatewayEvents.
/// </summary>
public sealed class APIGatewayHttpApiV2ProxyRequest
{
    /// <summary><c>"2.0"</c>.</summary>
    [JsonPropertyName("version")] public string? Version { get; set; }

    /// <summary><c>"GET /pets/{id}"</c>, <c>"ANY /{proxy+}"</c> or <c>"$default"</c>.</summary>
    [JsonPropertyName("routeKey")] public string? RouteKey { get; set; }

    /// <summary>The path; includes the stage prefix on a named stage.</summary>
    [JsonPropertyName("rawPath")] public string? RawPath { get; set; }

    /// <summary>The query string, still encoded, without <c>?</c>.</summary>
    [JsonPropertyName("rawQueryString")] public string? RawQueryString { get; set; }

    /// <summary>One <c>name=value</c> entry per cookie.</summary>
    [JsonPropertyName("cookies")] public List<string>? Cookies { get; set; }

    /// <summary>Headers; duplicates comma-joined.</summary>
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Decoded query parameters; duplicates comma-joined.</summary>
    [JsonPropertyName("queryStringParameters")] public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>Request context.</summary>
    [JsonPropertyName("requestContext")] public ProxyRequestContext? RequestContext { get; set; }

    /// <summary>The body, base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")] public string? Body { get; set; }

    /// <summary>Path parameters of the route.</summary>
    [JsonPropertyName("pathParameters")] public Dictionary<string, string>? PathParameters { get; set; }

    /// <summary>True when <see cref="Body"/> is base64 (may be true with no body).</summary>
    [JsonPropertyName("isBase64Encoded")] public bool IsBase64Encoded { get; set; }

    /// <summary>Stage variables.</summary>
    [JsonPropertyName("stageVariables")] public Dictionary<string, string>? StageVariables { get; set; }

    /// <summary>The 2.0 request context.</summary>
    public sealed class ProxyRequestContext
    {
        /// <summary>Account id.</summary>
        [JsonPropertyName("accountId")] public string? AccountId { get; set; }
        /// <summary>API id (the URL id for function URLs).</summary>
        [JsonPropertyName("apiId")] public string? ApiId { get; set; }
        /// <summary>mTLS details, kept as JSON.</summary>
        [JsonPropertyName("authentication")] public JsonObject? Authentication { get; set; }
        /// <summary>Authorizer output (<c>jwt</c>, <c>lambda</c> or <c>iam</c>), kept as JSON.</summary>
        [JsonPropertyName("authorizer")] public JsonObject? Authorizer { get; set; }
        /// <summary>Domain name; <c>*.lambda-url.*</c> for function URLs.</summary>
        [JsonPropertyName("domainName")] public string? DomainName { get; set; }
        /// <summary>Domain prefix.</summary>
        [JsonPropertyName("domainPrefix")] public string? DomainPrefix { get; set; }
        /// <summary>HTTP details.</summary>
        [JsonPropertyName("http")] public HttpDescription? Http { get; set; }
        /// <summary>Request id.</summary>
        [JsonPropertyName("requestId")] public string? RequestId { get; set; }
        /// <summary>Route id.</summary>
        [JsonPropertyName("routeId")] public string? RouteId { get; set; }
        /// <summary>Route key.</summary>
        [JsonPropertyName("routeKey")] public string? RouteKey { get; set; }
        /// <summary>Stage name; <c>$default</c> for the default stage and for function URLs.</summary>
        [JsonPropertyName("stage")] public string? Stage { get; set; }
        /// <summary>Request time, <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
        [JsonPropertyName("time")] public string? Time { get; set; }
        /// <summary>Request time, epoch milliseconds.</summary>
        [JsonPropertyName("timeEpoch")] public long TimeEpoch { get; set; }
    }

    /// <summary>The <c>requestContext.http</c> object.</summary>
    public sealed class HttpDescription
    {
        /// <summary>HTTP method.</summary>
        [JsonPropertyName("method")] public string? Method { get; set; }
        /// <summary>Path (with the stage prefix on a named stage).</summary>
        [JsonPropertyName("path")] public string? Path { get; set; }
        /// <summary>Protocol.</summary>
        [JsonPropertyName("protocol")] public string? Protocol { get; set; }
        /// <summary>Source IP.</summary>
        [JsonPropertyName("sourceIp")] public string? SourceIp { get; set; }
        /// <summary>User agent.</summary>
        [JsonPropertyName("userAgent")] public string? UserAgent { get; set; }
    }
}
