using System.Text.Json;
using LambdaRoutes.Contracts.Events;
using LambdaRoutes.Events;

namespace LambdaRoutes.Testing;

/// <summary>
/// Builds an HTTP API payload 2.0 event (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html), or a function URL event with <see cref="AsFunctionUrl"/>
/// (https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html): <c>rawPath</c> carries the stage prefix on a named stage, cookies go to <c>cookies[]</c>
/// (and stay in the header only for function URLs), duplicate query values are comma-joined in
/// <c>queryStringParameters</c> as API Gateway does, and a body is base64 unless its content type is text.
/// </summary>
public sealed class HttpApiEventBuilder : EventBuilder<HttpApiEventBuilder>
{
    private string _stage = "$default";
    private bool _functionUrl;
    private string? _routeTemplate;
    private string _routeMethod = "ANY";

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

    /// <summary>
    /// The API route that matched, e.g. <c>/api/users/{id}</c> (the construct's <c>ANY</c>, or a verb): it sets
    /// <c>routeKey</c> and the <c>pathParameters</c> bound from the path, as the deployed API does. Without it the event
    /// has the <c>$default</c> route and no path parameters.
    /// </summary>
    public HttpApiEventBuilder Route(string template, string method = "ANY")
    {
        _routeTemplate = template;
        _routeMethod = method;
        return this;
    }

    /// <summary>The event model (the event <see cref="ToJson"/> writes, read back).</summary>
    public APIGatewayHttpApiV2ProxyRequest Build() =>
        JsonSerializer.Deserialize(ToJson(), EventJsonContext.Wire.APIGatewayHttpApiV2ProxyRequest)!;

    /// <inheritdoc />
    public override byte[] ToJson() => HttpApiEventWriter.Write(ProxyEvent(
        _functionUrl
            ? TestStamp("testurl", "testurl.lambda-url.us-east-1.on.aws", _stage)
            : TestStamp("testapi", "testapi.execute-api.us-east-1.amazonaws.com", _stage),
        stamp => stamp with
        {
            Stage = _stage,
            FunctionUrl = _functionUrl,
            RouteMethod = _routeMethod,
            RouteTemplate = _routeTemplate,
            RawPathParameters = PathParameters(_routeTemplate),
        }));
}
