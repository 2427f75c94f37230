using Hello.Api.Lib;
using LambdaRoutes;

namespace Hello.Api.Docs;

/// <summary>
/// <c>/api/docs/[[...slug]]</c>: an optional catch-all. <c>/api/docs</c> (no slug) is the table of contents;
/// <c>/api/docs/guide/routing</c> is one page. API Gateway gets two paths for it: <c>/api/docs</c> and <c>/api/docs/{proxy+}</c>.
/// </summary>
public sealed class Docs : IApiRoute
{
    private static readonly DocPage[] Pages =
    [
        new("getting-started", "Getting started", "Write a file under api/, run lambda-routes build."),
        new("guide/routing", "Routing", "Files map to URLs the way Next.js pages/api does."),
        new("guide/deploy", "Deploying", "cdk deploy wires one Lambda per route."),
    ];

    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        if (!req.Params.ContainsKey("slug"))
        {
            res.Status(200).Json(new DocIndex(Pages.Select(p => p.Path).ToList()));
            return Task.CompletedTask;
        }

        var path = string.Join('/', req.Params.GetAll("slug"));
        if (Pages.FirstOrDefault(p => p.Path == path) is { } page)
        {
            res.Status(200).Json(page);
        }
        else
        {
            res.Status(404).Json(new ApiError($"No doc page {path}"));
        }

        return Task.CompletedTask;
    }
}
