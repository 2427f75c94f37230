using Hello.Api.Lib;
using LambdaRoutes;

namespace Hello.Api;

/// <summary><c>GET /api</c>: what this API offers (an index route: api/index.cs → /api).</summary>
public sealed class ApiIndex : IApiRoute
{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        res.Status(200).Json(new ApiInfo("Hello", "1.0", ["/api/health", "/api/users", "/api/users/{id}", "/api/users/{id}/posts/{postId}", "/api/posts/{year}/{slug}", "/api/docs/{page...}"]));
        return Task.CompletedTask;
    }
}
