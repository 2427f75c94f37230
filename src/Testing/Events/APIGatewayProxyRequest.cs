using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LambdaRoutes;

/// <summary>
/// API Gateway REST API Lambda proxy request (payload "v1", also HTTP API payload 1.0), with AWS's JSON names
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html). Same type name and members as Amazon.Lambda.APIGatewayEvents.
/// </summary>
public sealed class APIGatewayProxyRequest
{
    /// <summary>Payload version: <c>"1.0"</c> from an HTTP API with payload 1.0; absent from REST APIs.</summary>
    [JsonPropertyName("version")] public string? Version { get; set; }

    /// <summary>The resource template, e.g. <c>/{proxy+}</c>.</summary>
    [JsonPropertyName("resource")] public string? Resource { get; set; }

    /// <summary>The request path without the stage, percent-encoding kept as sent.</summary>
    [JsonPropertyName("path")] public string? Path { get; set; }

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("httpMethod")] public string? HttpMethod { get; set; }

    /// <summary>Single-value headers (the last of duplicates).</summary>
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Every header value.</summary>
    [JsonPropertyName("multiValueHeaders")] public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }

    /// <summary>Single-value query parameters, or null when there is no query.</summary>
    [JsonPropertyName("queryStringParameters")] public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>Every query value, or null when there is no query.</summary>
    [JsonPropertyName("multiValueQueryStringParameters")] public Dictionary<string, List<string>>? MultiValueQueryStringParameters { get; set; }

    /// <summary>Path parameters of the resource template.</summary>
    [JsonPropertyName("pathParameters")] public Dictionary<string, string>? PathParameters { get; set; }

    /// <summary>Stage variables.</summary>
    [JsonPropertyName("stageVariables")] public Dictionary<string, string>? StageVariables { get; set; }

    /// <summary>Request context.</summary>
    [JsonPropertyName("requestContext")] public ProxyRequestContext? RequestContext { get; set; }

    /// <summary>The body, base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")] public string? Body { get; set; }

    /// <summary>True when <see cref="Body"/> is base64 (binary media types, or <c>*/*</c>).</summary>
    [JsonPropertyName("isBase64Encoded")] public bool IsBase64Encoded { get; set; }

    /// <summary>The REST request context.</summary>
    public sealed class ProxyRequestContext
    {
        /// <summary>Account id.</summary>
        [JsonPropertyName("accountId")] public string? AccountId { get; set; }
        /// <summary>API id.</summary>
        [JsonPropertyName("apiId")] public string? ApiId { get; set; }
        /// <summary>Authorizer output (Cognito claims, Lambda authorizer context), kept as JSON.</summary>
        [JsonPropertyName("authorizer")] public JsonObject? Authorizer { get; set; }
        /// <summary>WebSocket connection id (not used by proxy routes).</summary>
        [JsonPropertyName("connectionId")] public string? ConnectionId { get; set; }
        /// <summary>Domain name.</summary>
        [JsonPropertyName("domainName")] public string? DomainName { get; set; }
        /// <summary>Domain prefix.</summary>
        [JsonPropertyName("domainPrefix")] public string? DomainPrefix { get; set; }
        /// <summary>Extended request id.</summary>
        [JsonPropertyName("extendedRequestId")] public string? ExtendedRequestId { get; set; }
        /// <summary>HTTP method.</summary>
        [JsonPropertyName("httpMethod")] public string? HttpMethod { get; set; }
        /// <summary>Caller identity.</summary>
        [JsonPropertyName("identity")] public RequestIdentity? Identity { get; set; }
        /// <summary>Path <em>including</em> the stage.</summary>
        [JsonPropertyName("path")] public string? Path { get; set; }
        /// <summary>Protocol, e.g. <c>HTTP/1.1</c>.</summary>
        [JsonPropertyName("protocol")] public string? Protocol { get; set; }
        /// <summary>Request id.</summary>
        [JsonPropertyName("requestId")] public string? RequestId { get; set; }
        /// <summary>Request time, <c>04/Mar/2020:19:15:17 +0000</c>.</summary>
        [JsonPropertyName("requestTime")] public string? RequestTime { get; set; }
        /// <summary>Request time, epoch milliseconds.</summary>
        [JsonPropertyName("requestTimeEpoch")] public long RequestTimeEpoch { get; set; }
        /// <summary>Resource id.</summary>
        [JsonPropertyName("resourceId")] public string? ResourceId { get; set; }
        /// <summary>Resource path template.</summary>
        [JsonPropertyName("resourcePath")] public string? ResourcePath { get; set; }
        /// <summary>Stage name.</summary>
        [JsonPropertyName("stage")] public string? Stage { get; set; }
    }

    /// <summary>The caller identity of a REST request.</summary>
    public sealed class RequestIdentity
    {
        /// <summary>Cognito identity pool id.</summary>
        [JsonPropertyName("cognitoIdentityPoolId")] public string? CognitoIdentityPoolId { get; set; }
        /// <summary>Account id.</summary>
        [JsonPropertyName("accountId")] public string? AccountId { get; set; }
        /// <summary>Cognito identity id.</summary>
        [JsonPropertyName("cognitoIdentityId")] public string? CognitoIdentityId { get; set; }
        /// <summary>Caller.</summary>
        [JsonPropertyName("caller")] public string? Caller { get; set; }
        /// <summary>API key.</summary>
        [JsonPropertyName("apiKey")] public string? ApiKey { get; set; }
        /// <summary>API key id.</summary>
        [JsonPropertyName("apiKeyId")] public string? ApiKeyId { get; set; }
        /// <summary>Access key.</summary>
        [JsonPropertyName("accessKey")] public string? AccessKey { get; set; }
        /// <summary>Source IP.</summary>
        [JsonPropertyName("sourceIp")] public string? SourceIp { get; set; }
        /// <summary>Cognito authentication type.</summary>
        [JsonPropertyName("cognitoAuthenticationType")] public string? CognitoAuthenticationType { get; set; }
        /// <summary>Cognito authentication provider.</summary>
        [JsonPropertyName("cognitoAuthenticationProvider")] public string? CognitoAuthenticationProvider { get; set; }
        /// <summary>User ARN.</summary>
        [JsonPropertyName("userArn")] public string? UserArn { get; set; }
        /// <summary>User agent.</summary>
        [JsonPropertyName("userAgent")] public string? UserAgent { get; set; }
        /// <summary>User.</summary>
        [JsonPropertyName("user")] public string? User { get; set; }
        /// <summary>Principal organisation id.</summary>
        [JsonPropertyName("principalOrgId")] public string? PrincipalOrgId { get; set; }
        /// <summary>mTLS client certificate.</summary>
        [JsonPropertyName("clientCert")] public ProxyRequestClientCert? ClientCert { get; set; }
    }

    /// <summary>An mTLS client certificate.</summary>
    public sealed class ProxyRequestClientCert
    {
        /// <summary>PEM text.</summary>
        [JsonPropertyName("clientCertPem")] public string? ClientCertPem { get; set; }
        /// <summary>Subject DN.</summary>
        [JsonPropertyName("subjectDN")] public string? SubjectDN { get; set; }
        /// <summary>Issuer DN.</summary>
        [JsonPropertyName("issuerDN")] public string? IssuerDN { get; set; }
        /// <summary>Serial number.</summary>
        [JsonPropertyName("serialNumber")] public string? SerialNumber { get; set; }
        /// <summary>Validity window.</summary>
        [JsonPropertyName("validity")] public ClientCertValidity? Validity { get; set; }
    }

    /// <summary>A certificate's validity window, as API Gateway writes it.</summary>
    public sealed class ClientCertValidity
    {
        /// <summary>Not before.</summary>
        [JsonPropertyName("notBefore")] public string? NotBefore { get; set; }
        /// <summary>Not after.</summary>
        [JsonPropertyName("notAfter")] public string? NotAfter { get; set; }
    }
}
