using System.Text.Json;
using LambdaRoutes.Events;

namespace LambdaRoutes.Testing;

/// <summary>
/// Builds an API Gateway REST API proxy (v1) event, shaped as in https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html: <c>path</c> without the stage,
/// <c>multiValueHeaders</c> and <c>multiValueQueryStringParameters</c> next to their single-value maps (the last value).
/// </summary>
public sealed class RestApiEventBuilder : EventBuilder<RestApiEventBuilder>
{
    private string _stage = "prod";
    private string? _resource;

    /// <summary>The stage name in <c>requestContext</c> (REST's <c>path</c> never contains it).</summary>
    public RestApiEventBuilder Stage(string stage)
    {
        _stage = stage;
        return this;
    }

    /// <summary>The resource template, e.g. <c>/api/users/{id}</c>; defaults to the path.</summary>
    public RestApiEventBuilder Resource(string resource)
    {
        _resource = resource;
        return this;
    }

    /// <summary><c>requestContext.identity</c> of a signed request (AuthorizerEvents.SignedBy), or null.</summary>
    internal APIGatewayProxyRequest.RequestIdentity? Identity { get; set; }

    /// <summary>The event model.</summary>
    public APIGatewayProxyRequest Build()
    {
        var headers = HeaderList.ToList();
        if (CookieList.Count > 0) headers.Add(new("Cookie", CookieHeader()));
        return new APIGatewayProxyRequest
        {
            Resource = _resource ?? RequestPath,
            Path = RequestPath,
            HttpMethod = HttpMethod,
            Headers = headers.Count == 0 ? null : headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Last().Value),
            MultiValueHeaders = headers.Count == 0 ? null : headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Select(h => h.Value).ToList()),
            QueryStringParameters = QueryParameters.Count == 0 ? null : QueryParameters.GroupBy(q => q.Key)
                .ToDictionary(g => g.Key, g => g.Last().Value),
            MultiValueQueryStringParameters = QueryParameters.Count == 0 ? null : QueryParameters.GroupBy(q => q.Key)
                .ToDictionary(g => g.Key, g => g.Select(q => q.Value).ToList()),
            RequestContext = new APIGatewayProxyRequest.ProxyRequestContext
            {
                AccountId = "123456789012",
                ApiId = "testapi",
                HttpMethod = HttpMethod,
                Path = "/" + _stage + RequestPath,
                Protocol = "HTTP/1.1",
                RequestId = "test-request",
                ResourcePath = _resource ?? RequestPath,
                Stage = _stage,
                DomainName = "testapi.execute-api.us-east-1.amazonaws.com",
                Authorizer = AuthorizerJson,
                Identity = Identity,
            },
            Body = EventBody,
            IsBase64Encoded = BodyIsBase64,
        };
    }

    /// <inheritdoc />
    public override byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), EventJsonContext.Wire.APIGatewayProxyRequest);
}
