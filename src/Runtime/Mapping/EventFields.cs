namespace LambdaRoutes.Mapping;

/// <summary>
/// The fields of an API Gateway event the runtime uses, as <see cref="EventReader"/> found them: REST (v1) and
/// HTTP API 2.0 / function URL names side by side, since the payload's format is only known once it has been read.
/// Absent fields are null (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html, https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html).
/// </summary>
internal sealed class EventFields
{
    public string? Version;

    // REST (v1) and HTTP API payload 1.0.
    public string? HttpMethod;
    public string? Path;
    public List<KeyValuePair<string, List<string>>>? MultiValueHeaders;
    public List<KeyValuePair<string, List<string>>>? MultiValueQueryStringParameters;

    // HTTP API 2.0 and function URLs.
    public string? RawPath;
    public string? RawQueryString;
    public List<string>? Cookies;
    public string? RequestMethod;   // requestContext.http.method
    public string? RequestPath;     // requestContext.http.path
    public string? DomainName;      // requestContext.domainName
    public string? Stage;           // requestContext.stage

    // Both.
    public List<KeyValuePair<string, string>>? Headers;
    public List<KeyValuePair<string, string>>? QueryStringParameters;
    public ReadOnlyMemory<byte> Body; // the JSON string's UTF-8 bytes, unescaped, often a slice of the payload; empty when absent or null
    public bool IsBase64Encoded;
    public ReadOnlyMemory<byte> Authorizer; // requestContext.authorizer's JSON text, a slice of the payload; empty when absent
    public ReadOnlyMemory<byte> Identity;   // requestContext.identity (REST): the same
}
