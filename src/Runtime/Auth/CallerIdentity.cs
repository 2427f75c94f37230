namespace LambdaRoutes;

/// <summary>
/// Who the API Gateway authorizer said the caller is (<see cref="ApiRequest.Identity"/>): JWT claims and scopes, a
/// Lambda authorizer's context, or the IAM signer. The runtime keeps the event's authorizer JSON unparsed and reads it
/// on first use, so routes that never look pay nothing.
/// </summary>
/// <remarks>
/// Shapes: HTTP API <c>requestContext.authorizer.jwt</c> / <c>.lambda</c> / <c>.iam</c>
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html); REST
/// <c>requestContext.authorizer</c> (<c>claims</c> from a Cognito user pool, or a Lambda authorizer's
/// <c>principalId</c> and context) and <c>requestContext.identity</c>
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html).
/// </remarks>
public sealed class CallerIdentity
{
    private readonly ReadOnlyMemory<byte> _authorizer;
    private readonly ReadOnlyMemory<byte> _identity;
    private AuthorizerReader.Result? _read;

    /// <summary>No authorizer, no signer.</summary>
    public static CallerIdentity Anonymous { get; } = new(default, default);

    /// <param name="authorizer">The JSON text of <c>requestContext.authorizer</c>, or empty.</param>
    /// <param name="identity">The JSON text of REST <c>requestContext.identity</c>, or empty.</param>
    internal CallerIdentity(ReadOnlyMemory<byte> authorizer, ReadOnlyMemory<byte> identity)
    {
        _authorizer = authorizer;
        _identity = identity;
    }

    /// <summary>The identity of an event's authorizer and identity JSON (each possibly empty).</summary>
    internal static CallerIdentity From(ReadOnlyMemory<byte> authorizer, ReadOnlyMemory<byte> identity) =>
        authorizer.IsEmpty && identity.IsEmpty ? Anonymous : new(authorizer, identity);

    private AuthorizerReader.Result Read => _read ??= AuthorizerReader.Read(_authorizer.Span, _identity.Span);

    /// <summary>Which authorizer vouched for the caller; <see cref="AuthorizerKind.None"/> when none did.</summary>
    public AuthorizerKind Kind => Read.Kind;

    /// <summary>True when an authorizer (JWT, Cognito, Lambda or IAM) let the request through.</summary>
    public bool IsAuthenticated => Kind != AuthorizerKind.None;

    /// <summary>The token's claims (HTTP API JWT or REST Cognito), as API Gateway passes them: strings.</summary>
    public IReadOnlyDictionary<string, string> Claims => Read.Claims;

    /// <summary>The token's scopes: HTTP API's <c>jwt.scopes</c>, else the space-separated <c>scope</c> claim (RFC 8693 §4.2).</summary>
    public IReadOnlyList<string> Scopes => Read.Scopes;

    /// <summary>The <c>sub</c> claim, or null.</summary>
    public string? Subject => Claims.TryGetValue("sub", out var sub) ? sub : null;

    /// <summary>A Lambda authorizer's context (HTTP API <c>authorizer.lambda</c>, REST <c>authorizer</c> minus its own fields); non-string values as their JSON text.</summary>
    public IReadOnlyDictionary<string, string> Context => Read.Context;

    /// <summary>A REST Lambda authorizer's <c>principalId</c>, or null.</summary>
    public string? PrincipalId => Read.PrincipalId;

    /// <summary>The IAM signer, or null when the request was not signed.</summary>
    public IamIdentity? Iam => Read.Iam;

    /// <summary>Whether the token carries <paramref name="scope"/> (exact, case-sensitive, as API Gateway compares them).</summary>
    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>The claim's value, or null.</summary>
    public string? Claim(string name) => Claims.TryGetValue(name, out var value) ? value : null;
}
