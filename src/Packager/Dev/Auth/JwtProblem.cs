namespace LambdaRoutes.Packager.Dev.Auth;

/// <summary>Which check a token failed; API Gateway's answer depends on it (<see cref="JwtRefusal"/>).</summary>
internal enum JwtProblem
{
    None,
    Malformed,
    Signature,
    Issuer,
    Audience,
    Expired,
    NotYetValid,
    MissingScope,
}
