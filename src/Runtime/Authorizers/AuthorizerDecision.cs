namespace LambdaRoutes;

/// <summary>
/// What an <see cref="ILambdaAuthorizer"/> answers. The runtime writes it in the shape the event asks for: an HTTP API
/// simple response <c>{"isAuthorized", "context"}</c> for a payload 2.0 event
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html), else an IAM policy
/// with <c>principalId</c> and <c>context</c>
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html).
/// </summary>
public sealed class AuthorizerDecision
{
    private static readonly IReadOnlyDictionary<string, string> NoContext = new Dictionary<string, string>();

    private AuthorizerDecision(bool isAuthorized, string principalId, IReadOnlyDictionary<string, string>? context)
    {
        ArgumentException.ThrowIfNullOrEmpty(principalId);
        IsAuthorized = isAuthorized;
        PrincipalId = principalId;
        Context = context ?? NoContext;
    }

    /// <summary>Lets the request through. <paramref name="context"/> reaches the route as <c>req.Identity.Context</c>.</summary>
    /// <param name="principalId">Who the caller is (REST: <c>req.Identity.PrincipalId</c>).</param>
    /// <param name="context">String values only, as API Gateway's REST context allows.</param>
    public static AuthorizerDecision Allow(string principalId, IReadOnlyDictionary<string, string>? context = null) => new(true, principalId, context);

    /// <summary>Refuses the request: API Gateway answers 403 and the route does not run.</summary>
    public static AuthorizerDecision Deny(string principalId = "anonymous") => new(false, principalId, null);

    /// <summary>True for <see cref="Allow"/>.</summary>
    public bool IsAuthorized { get; }

    /// <summary>The caller's principal id.</summary>
    public string PrincipalId { get; }

    /// <summary>What the route gets in <c>req.Identity.Context</c>; empty for a denial.</summary>
    public IReadOnlyDictionary<string, string> Context { get; }
}
