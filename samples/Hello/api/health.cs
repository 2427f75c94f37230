using LambdaRoutes;

namespace Hello.Api;

/// <summary><c>/api/health</c>: a static route that answers plain text, with a small memory setting.</summary>
[RouteConfig(MemorySize = 128, Timeout = 3)]
public sealed class Health : IApiRoute
{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        res.Status(200).SetHeader("cache-control", "no-store").Send("ok");
        return Task.CompletedTask;
    }
}
