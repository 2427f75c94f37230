using System.Text.Json;
using LambdaRoutes.Events;

namespace LambdaRoutes.Testing;

/// <summary>
/// Builds an HTTP API payload 2.0 event (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html), or a function URL event with <see cref="AsFunctionUrl"/>
/// (https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html): <c>rawPath</c> carries the stage prefix on a named stage, cookies go to <c>cookies[]</c>
/// (and stay in the header only for function URLs), duplicate query values are comma-joined in
/// <c>queryStringParameters</c> as API Gateway does.
/// </summary>
public sealed class HttpApiEventBuilder : EventBuilder<HttpApiEventBuilder>
{
    private string _stage = "$default";
    private bool _functionUrl;

    /// <summary>A named stage: its name is prefixed to <c>rawPath</c>, as API Gateway does.</summary>
    public HttpApiEventBuilder Stage(string stage)
    {
        _stage = stage;
        return this;
    }

    /// <summary>Makes this a Lambda function URL event (<c>*.lambda-url.*</c> domain, <c>$default</c> placeholders).</summary>
    public HttpApiEventBuilder AsFunctionUrl()
    {
        _functionUrl = true;
        _stage = "$default";
        return this;
    }

    /// <summary>The event model.</summary>
    public APIGatewayHttpApiV2ProxyRequest Build()
    {
        var rawPath = _stage == "$default" ? RequestPath : "/" + _stage + RequestPath;
        var headers = HeaderList.GroupBy(h => h.Key.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(h => h.Value)));
        if (_functionUrl && CookieList.Count > 0) headers["cookie"] = CookieHeader();
        var domain = _functionUrl ? "testurl.lambda-url.us-east-1.on.aws" : "testapi.execute-api.us-east-1.amazonaws.com";
        return new APIGatewayHttpApiV2ProxyRequest
        {
            Version = "2.0",
            RouteKey = "$default",
            RawPath = rawPath,
            RawQueryString = RawQueryString(),
            Cookies = CookieList.Count == 0 ? null : CookieList.Select(c => c.Key + "=" + Uri.EscapeDataString(c.Value)).ToList(),
            Headers = headers.Count == 0 ? null : headers,
            QueryStringParameters = QueryParameters.Count == 0 ? null : QueryParameters.GroupBy(q => q.Key)
                .ToDictionary(g => g.Key, g => string.Join(",", g.Select(q => q.Value))),
            RequestContext = new APIGatewayHttpApiV2ProxyRequest.ProxyRequestContext
            {
                AccountId = "123456789012",
                ApiId = _functionUrl ? "testurl" : "testapi",
                DomainName = domain,
                DomainPrefix = domain.Split('.')[0],
                Http = new APIGatewayHttpApiV2ProxyRequest.HttpDescription
                {
                    Method = HttpMethod,
                    Path = rawPath,
                    Protocol = "HTTP/1.1",
                    SourceIp = "127.0.0.1",
                    UserAgent = "LambdaRoutes.Testing",
                },
                RequestId = "test-request",
                RouteKey = "$default",
                Stage = _stage,
                TimeEpoch = 0,
                Authorizer = AuthorizerJson,
            },
            Body = EventBody,
            IsBase64Encoded = BodyIsBase64,
        };
    }

    /// <inheritdoc />
    public override byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), EventJsonContext.Wire.APIGatewayHttpApiV2ProxyRequest);
}
