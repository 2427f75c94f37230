using System.Text.Json;
using LambdaRoutes.Contracts.Events;
using LambdaRoutes.Events;

namespace LambdaRoutes.Testing;

/// <summary>
/// Builds an API Gateway REST API proxy (v1) event, shaped as in https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html: <c>path</c> without the stage,
/// <c>multiValueHeaders</c> and <c>multiValueQueryStringParameters</c> next to their single-value maps (the last value),
/// and every body base64, as the CDK construct's <c>binaryMediaTypes</c> of <c>*/*</c> makes it.
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

    /// <summary>The resource template, e.g. <c>/api/users/{id}</c>, whose variables become <c>pathParameters</c>; defaults to the path.</summary>
    public RestApiEventBuilder Resource(string resource)
    {
        _resource = resource;
        return this;
    }

    /// <summary><c>requestContext.identity</c> of a signed request (AuthorizerEvents.SignedBy), or null.</summary>
    internal SignedCaller? Caller { get; set; }

    /// <summary>The event model (the event <see cref="ToJson"/> writes, read back).</summary>
    public APIGatewayProxyRequest Build() =>
        JsonSerializer.Deserialize(ToJson(), EventJsonContext.Wire.APIGatewayProxyRequest)!;

    /// <inheritdoc />
    public override byte[] ToJson() => RestApiEventWriter.Write(ProxyEvent(
        TestStamp("testapi", "testapi.execute-api.us-east-1.amazonaws.com", _stage),
        stamp => stamp with
        {
            Stage = _stage,
            RouteTemplate = _resource,
            RawPathParameters = PathParameters(_resource),
            Caller = Caller,
        }));
}
