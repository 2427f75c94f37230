using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.Lambda;

namespace LambdaRoutes.Cdk;

/// <summary>
/// An authorizer declared once in <see cref="LambdaRoutesApiProps.Authorizers"/> and chosen per route with
/// <c>[RouteConfig(Authorizer = "name")]</c> (or for every route by <see cref="LambdaRoutesApiProps.DefaultAuthorizer"/>).
/// The kinds and the API each works with: <see cref="JwtAuthorizer"/> (HTTP API), <see cref="CognitoAuthorizer"/>
/// (REST), <see cref="LambdaRequestAuthorizer"/> (both), <see cref="LambdaTokenAuthorizer"/> (REST),
/// <see cref="IamAuthorizer"/> (both). The route reads who the caller is from <c>req.Identity</c>.
/// </summary>
public abstract class RouteAuthorizer
{
    private protected RouteAuthorizer()
    {
    }

    /// <summary>Whether a route may require OAuth scopes with this authorizer (<c>[RouteConfig(AuthorizationScopes)]</c>).</summary>
    internal virtual bool TakesScopes => false;

    /// <summary>Whether this kind exists on <paramref name="kind"/> APIs.</summary>
    internal abstract bool WorksWith(ApiKind kind);
}

/// <summary>
/// HTTP API JWT authorizer (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html):
/// API Gateway checks the token's signature against the issuer's JWKS, <c>iss</c>, <c>aud</c> (or <c>client_id</c>),
/// <c>exp</c>, <c>nbf</c>, <c>iat</c> and the route's scopes. For a Cognito user pool the issuer is
/// <c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c> and the audience the app client id.
/// </summary>
public sealed class JwtAuthorizer : RouteAuthorizer
{
    /// <summary>The token issuer URL (<c>iss</c>); its <c>/.well-known/openid-configuration</c> gives the JWKS.</summary>
    public required string Issuer { get; init; }

    /// <summary>Accepted audiences (<c>aud</c> or <c>client_id</c>); at least one.</summary>
    public required IReadOnlyList<string> Audiences { get; init; }

    /// <summary>Where the token is. Default <c>$request.header.Authorization</c>.</summary>
    public string IdentitySource { get; init; } = "$request.header.Authorization";

    internal override bool TakesScopes => true;

    internal override bool WorksWith(ApiKind kind) => kind == ApiKind.Http;
}

/// <summary>
/// REST Cognito user pool authorizer (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html):
/// an ID token, or an access token when the route requires scopes.
/// </summary>
public sealed class CognitoAuthorizer : RouteAuthorizer
{
    /// <summary>The user pools whose tokens are accepted; with <see cref="UserPoolArns"/>, at least one.</summary>
    public IReadOnlyList<IUserPool> UserPools { get; init; } = [];

    /// <summary>
    /// User pools by ARN (<c>arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}</c>), for declarations made before
    /// any stack exists (a CDK app's settings); the construct imports them.
    /// </summary>
    public IReadOnlyList<string> UserPoolArns { get; init; } = [];

    /// <summary>Where the token is. Default <c>method.request.header.Authorization</c>.</summary>
    public string IdentitySource { get; init; } = "method.request.header.Authorization";

    /// <summary>How long API Gateway caches a decision, in seconds (0 to 3600). Default 300.</summary>
    public int ResultsCacheTtlSeconds { get; init; } = 300;

    internal override bool TakesScopes => true;

    internal override bool WorksWith(ApiKind kind) => kind == ApiKind.Rest;
}

/// <summary>
/// A Lambda authorizer of the REQUEST type, on either API (HTTP API:
/// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html, payload 2.0; REST:
/// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html). Its answer's
/// context reaches the route as <c>req.Identity.Context</c>.
/// </summary>
public sealed class LambdaRequestAuthorizer : RouteAuthorizer
{
    /// <summary>
    /// The authorizer function; null (default): the app's own <c>authorizers/&lt;name&gt;.cs</c> of the same name as this
    /// entry's key, built with the routes (an <c>ILambdaAuthorizer</c>; it answers simple responses on an HTTP API).
    /// </summary>
    public IFunction? Handler { get; init; }

    /// <summary>
    /// Request parts the decision depends on, in the API's syntax (HTTP API <c>$request.header.Authorization</c>, REST
    /// <c>method.request.header.Authorization</c>); a missing one is a 401 without calling the function. Default: the
    /// Authorization header.
    /// </summary>
    public IReadOnlyList<string>? IdentitySources { get; init; }

    /// <summary>How long API Gateway caches a decision per identity, in seconds (0 to 3600). Default 300.</summary>
    public int ResultsCacheTtlSeconds { get; init; } = 300;

    /// <summary>
    /// HTTP API only: the function answers <c>{"isAuthorized": true, "context": {…}}</c> instead of an IAM policy. Default
    /// true; an app authorizer file always answers this way on an HTTP API, so false needs a <see cref="Handler"/>.
    /// </summary>
    public bool SimpleResponses { get; init; } = true;

    internal override bool WorksWith(ApiKind kind) => true;
}

/// <summary>
/// REST Lambda authorizer of the TOKEN type: the function gets the bearer token and the method ARN, and answers an IAM
/// policy (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html).
/// </summary>
public sealed class LambdaTokenAuthorizer : RouteAuthorizer
{
    /// <summary>The authorizer function; null (default): the app's own <c>authorizers/&lt;name&gt;.cs</c> of the same name, built with the routes.</summary>
    public IFunction? Handler { get; init; }

    /// <summary>Where the token is. Default <c>method.request.header.Authorization</c>.</summary>
    public string IdentitySource { get; init; } = "method.request.header.Authorization";

    /// <summary>A regular expression the token must match before the function is called (else 401), or null.</summary>
    public string? ValidationRegex { get; init; }

    /// <summary>How long API Gateway caches a decision per token, in seconds (0 to 3600). Default 300.</summary>
    public int ResultsCacheTtlSeconds { get; init; } = 300;

    internal override bool WorksWith(ApiKind kind) => kind == ApiKind.Rest;
}

/// <summary>
/// IAM (SigV4) authorization on either API: the caller signs with AWS credentials allowed <c>execute-api:Invoke</c>
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control-iam.html). The signer reaches
/// the route as <c>req.Identity.Iam</c>.
/// </summary>
public sealed class IamAuthorizer : RouteAuthorizer
{
    internal override bool WorksWith(ApiKind kind) => true;
}
