using System.Text;
using System.Text.Json.Nodes;

namespace LambdaRoutes.Runtime.Tests.VerbStyle;

/// <summary>
/// The fixtures of Next's <c>app-custom-routes</c> test (Next.js test/e2e/app-dir/app-routes/app-custom-routes.test.ts), written as verb-style route files. Each
/// answers <c>hello, world</c> with an <c>x-request-meta</c> header <c>{method, params, pathname}</c>, as the originals do.
/// </summary>
internal static class Meta
{
    public static RouteResult Hello(ApiRequest req, ParamMap? @params = null) =>
        NextResponse.Text("hello, world").WithHeader("x-request-meta", Of(req, @params).ToJsonString());

    public static JsonObject Of(ApiRequest req, ParamMap? @params) => new()
    {
        ["method"] = req.Method,
        ["params"] = @params is null || @params.Count == 0 ? null : @params.ToJson(),
        ["pathname"] = req.Path,
    };
}

/// <summary>basic/endpoint/route: every method exported.</summary>
public static class AllMethodsRoute
{
    public static RouteResult GET(ApiRequest req) => Meta.Hello(req);
    public static RouteResult HEAD(ApiRequest req) => Meta.Hello(req);
    public static RouteResult OPTIONS(ApiRequest req) => Meta.Hello(req);
    public static Task<RouteResult> POST(ApiRequest req) => Task.FromResult(Meta.Hello(req));
    public static RouteResult PUT(ApiRequest req) => Meta.Hello(req);
    public static async Task<RouteResult> DELETE(ApiRequest req) { await Task.Yield(); return Meta.Hello(req); }
    public static RouteResult PATCH(ApiRequest req) => Meta.Hello(req);
}

/// <summary>basic/[tenantID]/endpoint and basic/[tenantID]/[...resource]: params as the second argument.</summary>
public static class ParamsRoute
{
    public static RouteResult GET(ApiRequest req, ParamMap @params) => Meta.Hello(req, @params);
}

/// <summary>A handler taking the Lambda context too.</summary>
public static class ContextRoute
{
    public static Task<RouteResult> GET(ApiRequest req, ParamMap @params, ILambdaContext context) =>
        Task.FromResult(NextResponse.Json(new JsonObject { ["requestId"] = context.AwsRequestId, ["id"] = @params["id"] }));
}

/// <summary>advanced/query, hooks/json, hooks/headers, hooks/cookies.</summary>
public static class HooksRoute
{
    public static RouteResult GET(ApiRequest req) => req.Query["hook"] switch
    {
        "query" => NextResponse.Json(new JsonObject { ["ping"] = req.Query["ping"] }),
        "json" => NextResponse.Json(JsonNode.Parse(req.Headers["x-request-meta"]!)),
        "headers" => NextResponse.Json(new JsonObject { ["ping"] = (string?)JsonNode.Parse(req.Headers["x-request-meta"]!)!["ping"] }),
        "cookies" => NextResponse.Json(JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(req.Cookies["x-request-meta"])))),
        "set-cookie" => NextResponse.Json(new JsonObject { ["hasCookie"] = true }).WithCookie("a", "a"),
        "redirect" => NextResponse.Redirect("https://nextjs.org/"),
        "permanent-redirect" => NextResponse.PermanentRedirect("https://nextjs.org/"),
        "not-found" => NextResponse.NotFound(),
        _ => NextResponse.Text("unknown hook", 400),
    };
}

/// <summary>advanced/body/*: JSON, text and streamed echo; DELETE with a body; an explicit OPTIONS.</summary>
public static class BodyRoute
{
    public static RouteResult POST(ApiRequest req) => req.Query["as"] switch
    {
        "json" => NextResponse.Json(new JsonObject { ["body"] = req.Json<JsonNode>() }),
        "text" => NextResponse.Json(new JsonObject { ["body"] = req.Text() }),
        _ => NextResponse.Stream(async stream =>
        {
            // Pipes the body back in pieces, like the streaming echo fixture.
            var bytes = req.Bytes();
            for (var i = 0; i < bytes.Length; i += 16) await stream.WriteAsync(bytes.Slice(i, Math.Min(16, bytes.Length - i)));
        }, "text/plain"),
    };

    public static RouteResult DELETE(ApiRequest req) => NextResponse.Text("delete " + (string?)req.Json<JsonNode>()!["name"]);

    public static RouteResult OPTIONS(ApiRequest req) => NextResponse.Text("options " + (string?)req.Json<JsonNode>()!["name"]);
}

/// <summary>status/405: GET only (405, HEAD from GET, and the GET-only Allow list).</summary>
public static class GetOnlyRoute
{
    public static RouteResult GET(ApiRequest req) => NextResponse.Json(new JsonObject { ["ok"] = true }).WithHeader("x-from", "get");
}

/// <summary>methods/options: POST only.</summary>
public static class PostOnlyRoute
{
    public static RouteResult POST(ApiRequest req) => NextResponse.NoContent();
}

/// <summary>status/500 and no-response.</summary>
public static class BrokenRoute
{
    public static RouteResult GET(ApiRequest req) => throw new InvalidOperationException("route exploded");
    public static Task<RouteResult> PUT(ApiRequest req) => Task.FromException<RouteResult>(new InvalidOperationException("async route exploded"));
    public static RouteResult POST(ApiRequest req) => null!;
}
