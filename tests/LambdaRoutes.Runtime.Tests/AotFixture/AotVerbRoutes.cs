using System.Text.Json.Nodes;
using LambdaRoutes;

namespace AotFixture;

/// <summary>A verb-style route under Native AOT: typed JSON, params + context, multipart upload, throw → 500.</summary>
public static class AotVerbs
{
    public static RouteResult GET(ApiRequest req, ParamMap @params, ILambdaContext context) =>
        @params["id"] == "boom"
            ? throw new InvalidOperationException("verb boom")
            : NextResponse.Json(new Order(@params["id"]!, 3)).WithHeader("x-request-id", context.AwsRequestId);

    public static async Task<RouteResult> POST(ApiRequest req)
    {
        await Task.Yield();
        var form = req.FormData();
        var file = form.File("upload")!;
        return NextResponse.Json(new JsonObject
        {
            ["title"] = form["title"], ["file"] = file.FileName, ["type"] = file.ContentType, ["length"] = file.Length,
            ["first"] = file.Bytes.Span[0], ["last"] = file.Bytes.Span[^1],
        }, 201);
    }
}

/// <summary>A streaming route under Native AOT: server-sent events, and a failure mid-stream when asked.</summary>
public static class AotStream
{
    public static RouteResult GET(ApiRequest req) => NextResponse.EventStream(async stream =>
    {
        for (var i = 1; i <= 3; i++)
        {
            await stream.WriteEventAsync("tick " + i);
            if (i == 2 && req.Query["fail"] == "1") throw new InvalidOperationException("stream broke");
        }
    });
}
