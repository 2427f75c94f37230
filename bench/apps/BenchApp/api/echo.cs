using LambdaRoutes;

namespace BenchApp.Api;

/// <summary>
/// <c>/api/echo</c>: the bench's route. Parses a JSON body, reads a query parameter and a cookie, answers JSON.
/// The Node.js peer (bench/peers/node/index.mjs) and the minimal loop (bench/peers/MinimalAot) do exactly this too.
/// </summary>
public sealed class Echo : IApiRoute
{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        var input = req.Body.As<EchoInput>();
        if (input is null)
        {
            res.Status(400).Send("body required");
            return Task.CompletedTask;
        }

        var greeting = req.Query["greeting"] ?? "hello";
        var session = req.Cookies.TryGetValue("session", out var value) ? value : "";
        res.Status(200).Json(new EchoOutput($"{greeting}, {input.Name}", input.Count + 1, session));
        return Task.CompletedTask;
    }
}
