using Hello.Api.Lib;
using LambdaRoutes;

namespace Hello.Api.Posts;

/// <summary>
/// <c>/api/posts/[...slug]</c>: a catch-all. <c>/api/posts/2024</c> lists a year, <c>/api/posts/2024/first-bug</c> is one post.
/// The bare <c>/api/posts</c> does not match a catch-all (Next's rule), so it is a 404 here.
/// </summary>
public sealed class PostsByPath : IApiRoute
{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        var path = req.Params.GetAll("slug");
        var posts = UserDirectory.ByPath(path);
        if (posts.Count == 0)
        {
            res.Status(404).Json(new ApiError($"No posts under /{string.Join('/', path)}"));
        }
        else if (posts.Count == 1 && posts[0].Path.Count == path.Count)
        {
            res.Status(200).Json(posts[0]);
        }
        else
        {
            res.Status(200).Json(new DocIndex(posts.Select(p => string.Join('/', p.Path)).ToList()));
        }

        return Task.CompletedTask;
    }
}
