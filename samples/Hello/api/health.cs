using LambdaRoutes;

namespace Hello.Api;

/// <summary>
/// <c>/api/health</c>: a static route that answers plain text, with a small memory setting. Public even when the
/// deployment sets a default authorizer (docs/deploy.md, "Authorizers"): load balancers and uptime checks carry no token.
/// </summary>
[RouteConfig(MemorySize = 128, Timeout = 3, Authorizer = "none")]
public sealed class Health : IApiRoute
{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        res.Status(200).SetHeader("cache-control", "no-store").Send("ok");
        return Task.CompletedTask;
    }
}
