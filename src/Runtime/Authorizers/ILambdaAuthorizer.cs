namespace LambdaRoutes;

/// <summary>
/// A Lambda authorizer written as a file of the app (<c>authorizers/&lt;name&gt;.cs</c>, docs/deploy.md "Authorizers"):
/// API Gateway calls it before a route that chose <c>[RouteConfig(Authorizer = "&lt;name&gt;")]</c>, and its decision lets
/// the request through (with <see cref="AuthorizerDecision.Context"/> for the route's <c>req.Identity.Context</c>) or
/// refuses it. The packager builds it into its own Native AOT bootstrap, like a route.
/// </summary>
/// <example>
/// <code>
/// public sealed class Partners : ILambdaAuthorizer
/// {
///     public Task&lt;AuthorizerDecision&gt; AuthorizeAsync(AuthorizerRequest request) =&gt; Task.FromResult(
///         request.Headers["x-api-key"] == "let-me-in"
///             ? AuthorizerDecision.Allow("partner-1", new Dictionary&lt;string, string&gt; { ["tier"] = "gold" })
///             : AuthorizerDecision.Deny("anonymous"));
/// }
/// </code>
/// </example>
public interface ILambdaAuthorizer
{
    /// <summary>Decides one request. An exception is the authorizer's failure: API Gateway answers 500 and the route does not run.</summary>
    Task<AuthorizerDecision> AuthorizeAsync(AuthorizerRequest request);
}
