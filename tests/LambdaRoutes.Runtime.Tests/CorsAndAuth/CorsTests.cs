using System.Text.Json.Nodes;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.CorsAndAuth;

/// <summary>Per-route CORS: off by default (Next.js adds none; Next.js docs/02-pages/03-building-your-application/01-routing/07-api-routes.mdx); with a policy, preflights answered before the handler and headers added.</summary>
public sealed class CorsTests
{
    private static int _handlerRuns;

    private static RouteTester Tester(CorsPolicy? cors) => new(
        new InlineRoute((_, res) => { Interlocked.Increment(ref _handlerRuns); res.Json(new JsonObject { ["ok"] = true }); }),
        new RouteOptions { Route = "/api/data", Cors = cors });

    private static HttpApiEventBuilder Preflight(string origin) => new HttpApiEventBuilder().Request("OPTIONS", "/api/data")
        .Header("Origin", origin).Header("Access-Control-Request-Method", "POST").Header("Access-Control-Request-Headers", "content-type,x-token");

    [Fact]
    public async Task Off_by_default_no_cors_headers_and_options_reaches_the_handler()
    {
        var before = Volatile.Read(ref _handlerRuns);
        var res = await Tester(null).SendAsync(Preflight("https://app.example.com"));
        Assert.Equal(200, res.StatusCode);
        Assert.DoesNotContain(res.Headers.Keys, h => h.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.True(Volatile.Read(ref _handlerRuns) > before);
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered_204_before_the_handler()
    {
        var policy = new CorsPolicy { Origins = "https://app.example.com, https://admin.example.com", MaxAgeSeconds = 600, Credentials = true };
        var res = await Tester(policy).SendAsync(Preflight("https://admin.example.com"));

        Assert.Equal(204, res.StatusCode);
        Assert.Equal("", res.Body);
        Assert.Equal("https://admin.example.com", res.Header("access-control-allow-origin"));
        Assert.Equal("true", res.Header("access-control-allow-credentials"));
        Assert.Equal("GET,HEAD,PUT,PATCH,POST,DELETE", res.Header("access-control-allow-methods"));
        Assert.Equal("content-type,x-token", res.Header("access-control-allow-headers")); // reflected
        Assert.Equal("600", res.Header("access-control-max-age"));
        Assert.Equal("Origin, Access-Control-Request-Headers", res.Header("vary"));
    }

    [Fact]
    public async Task A_preflight_from_another_origin_gets_no_allow_headers()
    {
        var res = await Tester(new CorsPolicy { Origins = "https://app.example.com" }).SendAsync(Preflight("https://evil.example"));
        Assert.Equal(204, res.StatusCode);
        Assert.Null(res.Header("access-control-allow-origin"));
        Assert.Null(res.Header("access-control-allow-methods"));
    }

    [Fact]
    public async Task Actual_requests_get_the_allow_origin_header_errors_included()
    {
        var tester = Tester(new CorsPolicy { ExposeHeaders = "x-total" });
        var ok = await tester.SendAsync(new RestApiEventBuilder().Get("/api/data").Header("Origin", "https://any.example"));
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("*", ok.Header("access-control-allow-origin"));
        Assert.Equal("x-total", ok.Header("access-control-expose-headers"));

        var missing = await tester.SendAsync(new HttpApiEventBuilder().Get("/api/elsewhere").Header("Origin", "https://any.example"));
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal("*", missing.Header("access-control-allow-origin"));

        var sameOrigin = await tester.GetAsync("/api/data"); // no Origin header: nothing to add
        Assert.Null(sameOrigin.Header("access-control-allow-origin"));
    }

    [Fact]
    public async Task Verb_routes_get_the_same_cors_answers()
    {
        var route = new VerbRoute().Map("POST", _ => NextResponse.Json(new JsonObject { ["saved"] = true }));
        var tester = new RouteTester(route, new RouteOptions { Route = "/api/data", Cors = new CorsPolicy { Origins = "https://app.example.com" } });

        var preflight = await tester.SendAsync(Preflight("https://app.example.com"));
        Assert.Equal(204, preflight.StatusCode);
        Assert.Equal("https://app.example.com", preflight.Header("access-control-allow-origin"));

        // A plain OPTIONS (not a preflight) still gets the App Router's automatic answer.
        var options = await tester.SendAsync(new HttpApiEventBuilder().Request("OPTIONS", "/api/data"));
        Assert.Equal("OPTIONS, POST", options.Header("allow"));
    }
}
