using Hello.Api.Lib;
using LambdaRoutes;

namespace Hello.Api.Users;

/// <summary><c>/api/users/[id]</c>: one user, or 404 (a dynamic route: the id arrives in <c>req.Params</c>).</summary>
public sealed class UserById : IApiRoute
{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        var id = req.Params["id"];
        if (UserDirectory.Find(id) is { } user)
        {
            res.Status(200).Json(user);
        }
        else
        {
            res.Status(404).Json(new ApiError($"No user {id}"));
        }

        return Task.CompletedTask;
    }
}
