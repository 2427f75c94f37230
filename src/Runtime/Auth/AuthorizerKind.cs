namespace LambdaRoutes;

/// <summary>Which API Gateway authorizer vouched for the caller (<see cref="CallerIdentity.Kind"/>).</summary>
public enum AuthorizerKind
{
    /// <summary>No authorizer ran: a public route, a function URL without IAM auth, or a hand-made event.</summary>
    None,

    /// <summary>A JWT authorizer (HTTP API) or a Cognito user pool authorizer (REST): <see cref="CallerIdentity.Claims"/> and <see cref="CallerIdentity.Scopes"/>.</summary>
    Jwt,

    /// <summary>A Lambda authorizer (HTTP API REQUEST, REST TOKEN/REQUEST): <see cref="CallerIdentity.Context"/> and, on REST, <see cref="CallerIdentity.PrincipalId"/>.</summary>
    Lambda,

    /// <summary>IAM (SigV4) authorization: <see cref="CallerIdentity.Iam"/>.</summary>
    Iam,
}
