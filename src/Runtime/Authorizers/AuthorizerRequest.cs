namespace LambdaRoutes;

/// <summary>
/// The request an <see cref="ILambdaAuthorizer"/> decides, read from API Gateway's authorizer event: HTTP API REQUEST
/// (payload 2.0), REST TOKEN or REST REQUEST
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html,
/// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html).
/// A TOKEN event carries only the token and the method ARN: its headers and query are empty.
/// </summary>
public sealed class AuthorizerRequest
{
    internal AuthorizerRequest(AuthorizerEventKind kind, string arn, string method, string path, ILambdaContext context)
    {
        Kind = kind;
        Arn = arn;
        Method = method;
        Path = path;
        Context = context;
    }

    /// <summary>Which event this is.</summary>
    public AuthorizerEventKind Kind { get; }

    /// <summary>The ARN being called: HTTP API <c>routeArn</c>, REST <c>methodArn</c>.</summary>
    public string Arn { get; }

    /// <summary>The HTTP method (for a TOKEN event, read from the method ARN).</summary>
    public string Method { get; }

    /// <summary>The request path (for a TOKEN event, read from the method ARN: the resource path, not the raw one).</summary>
    public string Path { get; }

    /// <summary>
    /// The token: a TOKEN event's <c>authorizationToken</c>, or the first identity source value of an HTTP API event
    /// (by default the <c>Authorization</c> header), else null. Includes any <c>Bearer </c> prefix, as sent.
    /// </summary>
    public string? Token { get; internal init; }

    /// <summary>HTTP API: the identity source values, in the authorizer's order; a TOKEN event: the token alone.</summary>
    public IReadOnlyList<string> IdentitySource { get; internal init; } = [];

    /// <summary>The request headers (empty for TOKEN).</summary>
    public HeaderMap Headers { get; internal init; } = new();

    /// <summary>The query string parameters (empty for TOKEN).</summary>
    public ParamMap Query { get; internal init; } = ParamMap.Empty;

    /// <summary>The route's path parameters as API Gateway matched them (<c>{id}</c>, <c>{proxy+}</c>).</summary>
    public IReadOnlyDictionary<string, string> PathParameters { get; internal init; } = new Dictionary<string, string>();

    /// <summary>The stage variables.</summary>
    public IReadOnlyDictionary<string, string> StageVariables { get; internal init; } = new Dictionary<string, string>();

    /// <summary>The invocation's Lambda context (request id, remaining time, logger).</summary>
    public ILambdaContext Context { get; }
}
