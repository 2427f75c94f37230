using Hello.Api.Lib;
using LambdaRoutes;

namespace Hello.Api.Users.Posts;

/// <summary><c>/api/users/[id]/posts/[postId]</c>: nested dynamic segments, both in <c>req.Params</c>.</summary>
public sealed class UserPost : IApiRoute
{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        var userId = req.Params["id"];
        var slug = req.Params["postId"];
        if (UserDirectory.Find(userId) is null)
        {
            res.Status(404).Json(new ApiError($"No user {userId}"));
        }
        else if (UserDirectory.FindPost(userId, slug) is { } post)
        {
            res.Status(200).Json(post);
        }
        else
        {
            res.Status(404).Json(new ApiError($"User {userId} has no post {slug}"));
        }

        return Task.CompletedTask;
    }
}
