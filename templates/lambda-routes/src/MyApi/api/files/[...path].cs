using LambdaRoutes;
using MyApi.Api.Lib;

namespace MyApi.Api.Files;

/// <summary>
/// <c>/api/files/[...path]</c>, a catch-all: <c>/api/files/a/b.txt</c> gives <c>path = ["a", "b.txt"]</c>.
/// The bare <c>/api/files</c> does not match (Next's rule); <c>[[...path]].cs</c> would match it too.
/// </summary>
public sealed class FileByPath : IApiRoute
{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        var segments = req.Params.GetAll("path");
        res.Json(new FileInfoResult(string.Join('/', segments), segments));
        return Task.CompletedTask;
    }
}
