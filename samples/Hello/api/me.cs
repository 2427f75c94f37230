using System.Text.Json.Nodes;
using LambdaRoutes;

namespace Hello.Api;

/// <summary>
/// <c>/api/me</c>: who the caller is, for signed-in users only. The route chooses the <c>users</c> authorizer, which the
/// deployment declares (a JWT authorizer on an HTTP API, a Cognito user pool authorizer on REST; docs/deploy.md,
/// "Authorizers"), so API Gateway refuses a request without a valid token before this code runs, and
/// <c>lambda-routes dev --jwks …</c> does the same locally (docs/dev.md).
/// </summary>
[RouteConfig(Authorizer = "users")]
public sealed class Me : IApiRoute
{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        var identity = req.Identity;
        if (!identity.IsAuthenticated)
        {
            // Only reachable where no authorizer ran (e.g. dev without --jwks): say so rather than answer as nobody.
            res.Status(401).Json(new JsonObject { ["error"] = "sign in first" });
            return Task.CompletedTask;
        }

        res.Status(200).Json(new JsonObject
        {
            ["sub"] = identity.Subject,
            ["email"] = identity.Claim("email"),
            ["scopes"] = new JsonArray(identity.Scopes.Select(s => (JsonNode?)s).ToArray()),
        });
        return Task.CompletedTask;
    }
}
