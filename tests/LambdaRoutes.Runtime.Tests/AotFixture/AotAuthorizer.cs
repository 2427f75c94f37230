using LambdaRoutes;

namespace AotFixture;

/// <summary>An app's Lambda authorizer: one key lets partners in with a context, "explode" fails, anything else is denied.</summary>
public sealed class AotAuthorizer : ILambdaAuthorizer
{
    public Task<AuthorizerDecision> AuthorizeAsync(AuthorizerRequest request) => (request.Token ?? request.Headers["authorization"]) switch
    {
        "allow" or "user1" => Task.FromResult(AuthorizerDecision.Allow("partner-1", new Dictionary<string, string> { ["tier"] = "gold", ["path"] = request.Path })),
        "explode" => throw new InvalidOperationException("key store down"),
        _ => Task.FromResult(AuthorizerDecision.Deny()),
    };
}
