using System.Text.Json.Serialization;
using LambdaRoutes;

namespace Hello.Api.Users;

// The route and test shown in docs/runtime.md, compiled and run here so the page cannot go stale.

public sealed record User(string Id, string Name);

public sealed record NewUser(string Name);

[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(NewUser))]
public sealed partial class AppJson : JsonSerializerContext;

/// <summary>api/users/[id].cs → /api/users/[id]</summary>
[RouteConfig(MemorySize = 256, BodySizeLimit = "100kb")]
public sealed class UserById : IApiRoute
{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        var id = req.Params["id"]!;
        switch (req.Method)
        {
            case "GET":
                if (id == "0") { res.Status(404).Json(new System.Text.Json.Nodes.JsonObject { ["error"] = "no such user" }); break; }
                res.SetHeader("Cache-Control", "max-age=60")
                   .Json(new User(id, req.Query["name"] ?? "Ada"));
                break;
            case "PUT":
                var input = req.Body.As<NewUser>();
                if (input is null || input.Name.Length == 0) { res.Status(400).Send("name is required"); break; }
                res.SetCookie("last-user", id, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax });
                res.Status(200).Json(new User(id, input.Name));
                break;
            default:
                res.SetHeader("Allow", "GET, PUT").Status(405).End();
                break;
        }
        return Task.CompletedTask;
    }
}
