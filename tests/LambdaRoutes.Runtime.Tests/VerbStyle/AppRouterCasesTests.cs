using System.Text;
using System.Text.Json.Nodes;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.VerbStyle;

/// <summary>
/// Next's App Router route-handler cases (Next.js test/e2e/app-dir/app-routes/app-custom-routes.test.ts) re-expressed for verb-style routes. The routes are built
/// exactly as the packager's generated entry point builds them: static method groups passed to <see cref="VerbRoute.Map(string, Func{ApiRequest, RouteResult})"/>.
/// </summary>
public sealed class AppRouterCasesTests
{
    // The generated-code shape: method groups of every supported signature resolve to the right overload.
    private static VerbRoute AllMethods() => new VerbRoute("api/basic/endpoint.cs")
        .Map("GET", AllMethodsRoute.GET).Map("HEAD", AllMethodsRoute.HEAD).Map("OPTIONS", AllMethodsRoute.OPTIONS)
        .Map("POST", AllMethodsRoute.POST).Map("PUT", AllMethodsRoute.PUT).Map("DELETE", AllMethodsRoute.DELETE)
        .Map("PATCH", AllMethodsRoute.PATCH);

    private static JsonNode MetaOf(RouteTestResponse res) => JsonNode.Parse(res.Header("x-request-meta")!)!;

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Case41_every_exported_method_answers_with_its_own_handler(string method)
    {
        var res = await new RouteTester(AllMethods(), "/api/basic/endpoint").SendAsync(new HttpApiEventBuilder().Request(method, "/api/basic/endpoint"));

        Assert.Equal(200, res.StatusCode);
        Assert.Contains("hello, world", res.Body);
        Assert.Equal(method, (string?)MetaOf(res)["method"]);
        Assert.Equal("text/plain;charset=UTF-8", res.Header("content-type"));
        Assert.Null(res.Header("etag")); // the App Router adds no ETag
    }

    [Fact]
    public void Methods_lists_the_exported_verbs_sorted()
    {
        Assert.Equal(new[] { "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT" }, AllMethods().Methods);
    }

    [Fact]
    public async Task Case42_params_arrive_as_the_second_argument()
    {
        var one = RouteTester.ForVerbs(typeof(ParamsRoute), "/api/basic/[tenantID]/endpoint");
        var res = await one.GetAsync("/api/basic/vercel/endpoint");
        Assert.Equal("{\"tenantID\":\"vercel\"}", MetaOf(res)["params"]!.ToJsonString());

        var catchAll = RouteTester.ForVerbs(typeof(ParamsRoute), "/api/basic/[tenantID]/[...resource]");
        res = await catchAll.GetAsync("/api/basic/vercel/some/other/resource");
        Assert.Equal("{\"tenantID\":\"vercel\",\"resource\":[\"some\",\"other\",\"resource\"]}", MetaOf(res)["params"]!.ToJsonString());

        // A static route has no params (Next: undefined).
        res = await new RouteTester(AllMethods(), "/api/basic/endpoint").GetAsync("/api/basic/endpoint");
        Assert.Null(MetaOf(res)["params"]);
    }

    [Fact]
    public async Task Case43_pathname_is_the_request_path()
    {
        var res = await RouteTester.ForVerbs(typeof(ParamsRoute), "/api/basic/endpoint/nested").GetAsync("/api/basic/endpoint/nested");
        Assert.Equal("/api/basic/endpoint/nested", (string?)MetaOf(res)["pathname"]);
    }

    [Fact]
    public async Task Handler_with_params_and_lambda_context()
    {
        var tester = new RouteTester(new VerbRoute().Map("GET", ContextRoute.GET), "/api/ctx/[id]");
        var res = await tester.GetAsync("/api/ctx/7", new TestLambdaContext { AwsRequestId = "req-ctx" });
        Assert.Equal("{\"requestId\":\"req-ctx\",\"id\":\"7\"}", res.Body);
    }

    private static readonly RouteTester Hooks = RouteTester.ForVerbs(typeof(HooksRoute), "/api/hooks");

    [Fact]
    public async Task Case44_search_params()
    {
        var res = await Hooks.GetAsync("/api/hooks?hook=query&ping=pong");
        Assert.Equal("{\"ping\":\"pong\"}", res.Body);
    }

    [Fact]
    public async Task Case45_and_53_redirects_are_307_or_308_with_location_and_empty_body()
    {
        var temporary = await Hooks.GetAsync("/api/hooks?hook=redirect");
        Assert.Equal(307, temporary.StatusCode);
        Assert.Equal("https://nextjs.org/", temporary.Header("location"));
        Assert.Equal("", temporary.Body);

        var permanent = await Hooks.GetAsync("/api/hooks?hook=permanent-redirect");
        Assert.Equal(308, permanent.StatusCode);
        Assert.Equal("https://nextjs.org/", permanent.Header("location"));
        Assert.Equal("", permanent.Body);
    }

    [Fact]
    public void Redirect_refuses_a_status_that_is_not_a_redirect()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NextResponse.Redirect("/x", 200));
        Assert.Contains("Invalid status code", ex.Message);
    }

    [Fact]
    public async Task Case46_json_is_plain_application_json()
    {
        var res = await Hooks.SendAsync(new HttpApiEventBuilder().Get("/api/hooks?hook=json").Header("x-request-meta", "{\"ping\":\"pong\"}"));
        Assert.Equal(200, res.StatusCode);
        Assert.Equal("application/json", res.Header("content-type"));
        Assert.Equal("{\"ping\":\"pong\"}", res.Body);
    }

    private static readonly RouteTester Body = RouteTester.ForVerbs(typeof(BodyRoute), "/api/body");

    [Fact]
    public async Task Case47_streamed_echo_returns_the_identical_text()
    {
        var lines = string.Concat(Enumerable.Repeat("{\"ping\":\"pong\"}\n", 10));
        var res = await Body.SendAsync(new HttpApiEventBuilder().Post("/api/body?as=stream").Body(lines, "text/plain"));
        Assert.Equal(200, res.StatusCode);
        Assert.Equal(lines, res.Body);
        Assert.Equal("text/plain", res.Header("content-type"));
    }

    [Fact]
    public async Task Case48_json_body()
    {
        var res = await Body.SendAsync(new RestApiEventBuilder().Post("/api/body?as=json").Body("{\"ping\":\"pong\"}", "application/json"));
        Assert.Equal("{\"body\":{\"ping\":\"pong\"}}", res.Body);
    }

    [Fact]
    public async Task Case49_json_body_on_delete_and_an_explicit_options_overrides_the_automatic_one()
    {
        var delete = await Body.SendAsync(new HttpApiEventBuilder().Delete("/api/body").Body("{\"name\":\"foo\"}", "application/json"));
        Assert.Equal(200, delete.StatusCode);
        Assert.Equal("delete foo", delete.Body);

        var options = await Body.SendAsync(new HttpApiEventBuilder().Request("OPTIONS", "/api/body").Body("{\"name\":\"bar\"}", "application/json"));
        Assert.Equal(200, options.StatusCode);
        Assert.Equal("options bar", options.Body);
    }

    [Fact]
    public async Task Case50_text_body()
    {
        var res = await Body.SendAsync(new HttpApiEventBuilder().Post("/api/body?as=text").Body("hello, world", "text/plain"));
        Assert.Equal("{\"body\":\"hello, world\"}", res.Body);
    }

    [Fact]
    public async Task Case51_headers_and_cookies_round_trip()
    {
        var headers = await Hooks.SendAsync(new HttpApiEventBuilder().Get("/api/hooks?hook=headers").Header("x-request-meta", "{\"ping\":\"pong\"}"));
        Assert.Equal("{\"ping\":\"pong\"}", headers.Body);

        var meta = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"ping\":\"pong\"}"));
        var cookies = await Hooks.SendAsync(new RestApiEventBuilder().Get("/api/hooks?hook=cookies").Cookie("x-request-meta", meta));
        Assert.Equal("{\"ping\":\"pong\"}", cookies.Body);
    }

    [Fact]
    public async Task Case52_a_cookie_set_on_the_result_is_sent()
    {
        var http = await Hooks.GetAsync("/api/hooks?hook=set-cookie");
        Assert.Equal("{\"hasCookie\":true}", http.Body);
        Assert.Equal(new[] { "a=a; Path=/" }, http.Cookies); // cookies.set defaults the path to "/"

        var rest = await Hooks.SendAsync(new RestApiEventBuilder().Get("/api/hooks?hook=set-cookie"));
        Assert.Equal(new[] { "a=a; Path=/" }, rest.Cookies);
    }

    [Fact]
    public async Task WithCookie_keeps_a_path_the_route_sets_and_its_other_options()
    {
        var route = new VerbRoute().Map("GET", _ => NextResponse.NoContent()
            .WithCookie("scoped", "1", new CookieOptions { Path = "/api/admin", HttpOnly = true })
            .WithCookie("session", "2", new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax }));
        var res = await new RouteTester(route, "/api/x").GetAsync("/api/x");

        Assert.Equal(new[] { "scoped=1; Path=/api/admin; HttpOnly", "session=2; Path=/; HttpOnly; SameSite=Lax" }, res.Cookies);
    }

    [Fact]
    public async Task Case54_not_found_is_404_with_an_empty_body()
    {
        var res = await Hooks.GetAsync("/api/hooks?hook=not-found");
        Assert.Equal(404, res.StatusCode);
        Assert.Equal("", res.Body);
    }

    private static readonly RouteTester GetOnly = RouteTester.ForVerbs(typeof(GetOnlyRoute), "/api/status/405");

    [Fact]
    public async Task Case55_unknown_method_token_is_400_and_an_unexported_method_is_405_without_allow()
    {
        var unknown = await GetOnly.SendAsync(new HttpApiEventBuilder().Request("HEADER", "/api/status/405"));
        Assert.Equal(400, unknown.StatusCode);
        Assert.Equal("", unknown.Body);

        var post = await GetOnly.SendAsync(new HttpApiEventBuilder().Post("/api/status/405"));
        Assert.Equal(405, post.StatusCode);
        Assert.Equal("", post.Body);
        Assert.Null(post.Header("allow"));
    }

    [Fact]
    public void Mapping_an_unsupported_or_duplicate_method_fails_at_start_up()
    {
        Assert.Throws<ArgumentException>(() => new VerbRoute().Map("get", GetOnlyRoute.GET));
        Assert.Throws<ArgumentException>(() => new VerbRoute().Map("GET", GetOnlyRoute.GET).Map("GET", GetOnlyRoute.GET));
    }

    private static readonly RouteTester Broken = RouteTester.ForVerbs(typeof(BrokenRoute), "/api/status/500");

    [Theory]
    [InlineData("GET", "route exploded")]
    [InlineData("PUT", "async route exploded")]
    public async Task Case56_a_throwing_handler_gives_500_with_an_empty_body_and_a_log(string method, string message)
    {
        var res = await Broken.SendAsync(new HttpApiEventBuilder().Request(method, "/api/status/500"));
        Assert.Equal(500, res.StatusCode);
        Assert.Equal("", res.Body);
        Assert.True(res.Log.Contains(message), res.Log.Buffer);
    }

    [Fact]
    public async Task Case57_head_runs_get_and_strips_the_body()
    {
        var get = await GetOnly.GetAsync("/api/status/405");
        var head = await GetOnly.SendAsync(new HttpApiEventBuilder().Request("HEAD", "/api/status/405"));
        Assert.Equal(200, head.StatusCode);
        Assert.Equal("", head.Body);
        Assert.Equal("get", head.Header("x-from"));
        Assert.Equal(get.Header("content-type"), head.Header("content-type"));
        Assert.Equal("{\"ok\":true}", get.Body);
    }

    [Fact]
    public async Task Case58_automatic_options_is_204_with_the_sorted_allow_list()
    {
        var postOnly = await RouteTester.ForVerbs(typeof(PostOnlyRoute), "/api/methods/options")
            .SendAsync(new HttpApiEventBuilder().Request("OPTIONS", "/api/methods/options"));
        Assert.Equal(204, postOnly.StatusCode);
        Assert.Equal("", postOnly.Body);
        Assert.Equal("OPTIONS, POST", postOnly.Header("allow"));

        var getOnly = await GetOnly.SendAsync(new HttpApiEventBuilder().Request("OPTIONS", "/api/status/405"));
        Assert.Equal("GET, HEAD, OPTIONS", getOnly.Header("allow"));
        Assert.Null(getOnly.Header("access-control-allow-origin")); // no CORS headers by default
    }

    [Fact]
    public async Task Case59_a_handler_returning_null_gives_500_and_nexts_message()
    {
        var res = await Broken.SendAsync(new HttpApiEventBuilder().Post("/api/status/500"));
        Assert.Equal(500, res.StatusCode);
        Assert.Equal("", res.Body);
        Assert.True(res.Log.Contains("No response is returned from route handler 'BrokenRoute'"), res.Log.Buffer);
    }

    [Fact]
    public async Task A_type_missing_from_the_json_context_is_a_logged_500_naming_the_fix()
    {
        var route = new VerbRoute().Map("GET", _ => NextResponse.Json(new Uri("https://x")));
        var res = await new RouteTester(route, "/api/x").GetAsync("/api/x");
        Assert.Equal(500, res.StatusCode);
        Assert.True(res.Log.Contains("JsonSerializable"), res.Log.Buffer);
    }

    [Fact]
    public async Task Bytes_are_sent_base64_with_their_content_type_and_status_and_headers_are_custom()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF };
        var route = new VerbRoute().Map("GET", _ => NextResponse.Bytes(png, "image/png").WithStatus(201).WithHeader("Cache-Control", "no-store"));
        var res = await new RouteTester(route, "/api/x").GetAsync("/api/x");
        Assert.Equal(201, res.StatusCode);
        Assert.True(res.IsBase64Encoded);
        Assert.Equal(png, res.BodyBytes);
        Assert.Equal("image/png", res.Header("content-type"));
        Assert.Equal("no-store", res.Header("cache-control"));
    }

    [Fact]
    public void A_header_value_with_crlf_is_refused_inside_the_handler()
    {
        Assert.Throws<ArgumentException>(() => NextResponse.Text("x").WithHeader("x-bad", "a\r\nSet-Cookie: evil=1"));
    }
}
