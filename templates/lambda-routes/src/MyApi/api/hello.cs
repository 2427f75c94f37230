using LambdaRoutes;
using MyApi.Api.Lib;

namespace MyApi.Api;

/// <summary>
/// <c>/api/hello</c>, handler style (Next's Pages Router <c>pages/api</c>): every method reaches HandleAsync.
/// <c>GET /api/hello?name=Ada</c> answers <c>{"message":"Hello, Ada!"}</c>.
/// </summary>
public sealed class Hello : IApiRoute
{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        if (req.Method is "GET" or "HEAD")
        {
            res.Json(Greeter.For(req.Query["name"]));
        }
        else
        {
            res.Status(405).SetHeader("Allow", "GET, HEAD").End();
        }

        return Task.CompletedTask;
    }
}
