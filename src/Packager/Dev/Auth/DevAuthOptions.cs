namespace LambdaRoutes.Packager.Dev.Auth;

/// <summary>
/// How <c>lambda-routes dev</c> stands in for the app's authorizers (docs/dev.md): routes that choose an authorizer
/// (<c>[RouteConfig(Authorizer = "…")]</c>, or every route without a choice when <see cref="DefaultAuthorizer"/> is set)
/// need a JWT that <see cref="Jwks"/> signed, from <see cref="Issuer"/> for one of <see cref="Audiences"/>, and
/// carrying one of the route's scopes. <see cref="NoVerify"/> decodes tokens without checking the signature.
/// </summary>
/// <param name="Jwks">A JWKS file path or an http(s) URL; null only with <see cref="NoVerify"/>.</param>
internal sealed record DevAuthOptions(
    string? Jwks,
    string? Issuer,
    IReadOnlyList<string> Audiences,
    bool NoVerify,
    string? DefaultAuthorizer);
