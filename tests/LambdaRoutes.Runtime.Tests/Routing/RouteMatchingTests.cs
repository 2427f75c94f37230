using LambdaRoutes.Routing;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.Routing;

/// <summary>The runtime's own route matching (Next.js route-regex.ts and load-custom-routes.ts; its test/integration/api-support, api-catch-all and dynamic-optional-routing tests), through the invoker and on its own.</summary>
public sealed class RouteMatchingTests
{
    private static RouteTester EchoQuery(string pattern) =>
        new(new InlineRoute((req, res) => res.Json(req.Query.ToJson())), pattern);

    [Fact]
    public async Task Case01_dots_stay_in_a_dynamic_segment()
    {
        var res = await EchoQuery("/api/[post]").GetAsync("/api/hello.json");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("{\"post\":\"hello.json\"}", res.Body);
    }

    [Fact]
    public async Task Case02_catch_all_under_a_static_segment()
    {
        var res = await EchoQuery("/api/auth/[...nextauth]").GetAsync("/api/auth/signin");

        Assert.Equal("{\"nextauth\":[\"signin\"]}", res.Body);
    }

    [Fact]
    public async Task Case29_deep_dynamic_route()
    {
        var res = await EchoQuery("/api/blog/[post]/comment/[id]").GetAsync("/api/blog/post-1/comment/1");

        Assert.Equal("{\"post\":\"post-1\",\"id\":\"1\"}", res.Body);
    }

    [Fact]
    public async Task Case28_no_partial_match_is_404()
    {
        var res = await EchoQuery("/api/blog/[post]/comment/[id]").GetAsync("/api/blog/543/comment");

        Assert.Equal(404, res.StatusCode);
        Assert.Equal("Not Found", res.Body);
    }

    [Fact]
    public async Task Case04_unknown_path_is_404_and_the_handler_does_not_run()
    {
        var ran = false;
        var tester = new RouteTester(new InlineRoute((_, res) => { ran = true; res.Send("x"); }), "/api/hello");

        var res = await tester.GetAsync("/api/not/unexisting/page/really");

        Assert.Equal(404, res.StatusCode);
        Assert.False(ran);
    }

    [Fact]
    public async Task Case33_catch_all_is_always_an_array()
    {
        var res = await EchoQuery("/api/users/[...slug]").GetAsync("/api/users/1");

        Assert.Equal("{\"slug\":[\"1\"]}", res.Body);
    }

    [Fact]
    public async Task Case34_trailing_slash_is_a_308_to_the_bare_path()
    {
        var res = await EchoQuery("/api/users").GetAsync("/api/users/");

        Assert.Equal(308, res.StatusCode);
        Assert.Equal("/api/users", res.Body);
        Assert.Equal("/api/users", res.Header("location"));
        Assert.Equal("0;url=/api/users", res.Header("refresh"));
    }

    [Fact]
    public async Task Trailing_slash_redirect_keeps_the_query()
    {
        var res = await EchoQuery("/api/users").SendAsync(new RestApiEventBuilder().Get("/api/users/?a=1"));

        Assert.Equal(308, res.StatusCode);
        Assert.Equal("/api/users?a=1", res.Header("location"));
    }

    [Fact]
    public async Task Repeated_slashes_are_a_308_to_the_normalised_path()
    {
        var res = await EchoQuery("/api/users/[id]").GetAsync("/api//users/1");

        Assert.Equal(308, res.StatusCode);
        Assert.Equal("/api/users/1", res.Header("location"));
    }

    [Fact]
    public async Task Redirect_target_is_percent_encoded_when_http_api_decoded_the_path()
    {
        var res = await EchoQuery("/api/[name]").GetAsync("/api/café au lait/");

        Assert.Equal(308, res.StatusCode);
        Assert.Equal("/api/caf%C3%A9%20au%20lait", res.Header("location"));
    }

    [Fact]
    public async Task Case35_catch_all_does_not_match_the_bare_parent()
    {
        var res = await EchoQuery("/api/users/[...slug]").GetAsync("/api/users");

        Assert.Equal(404, res.StatusCode);
    }

    [Theory]
    [InlineData("/api/post/ab/cd", "{\"slug\":[\"ab\",\"cd\"]}")]
    [InlineData("/api/post/a", "{\"slug\":[\"a\"]}")]
    [InlineData("/api/post", "{}")]
    public async Task Case36_37_optional_catch_all(string url, string expected)
    {
        var res = await EchoQuery("/api/post/[[...slug]]").GetAsync(url);

        Assert.Equal(200, res.StatusCode);
        Assert.Equal(expected, res.Body);
    }

    [Fact]
    public async Task Params_are_split_raw_then_each_piece_decoded()
    {
        // %2F inside a segment stays inside that segment (Next's split-then-decode rule, Next.js packages/next/src/shared/lib/router/utils/route-matcher.ts).
        var res = await EchoQuery("/api/files/[...path]").SendAsync(new RestApiEventBuilder().Get("/api/files/a%2Fb/c%20d"));

        Assert.Equal("{\"path\":[\"a/b\",\"c d\"]}", res.Body);
    }

    [Fact]
    public async Task Malformed_percent_encoding_in_a_param_is_400()
    {
        var res = await EchoQuery("/api/[id]").SendAsync(new RestApiEventBuilder().Get("/api/%E0%A4%A"));

        Assert.Equal(400, res.StatusCode);
        Assert.Equal("Bad Request", res.Body);
    }

    [Fact]
    public async Task Static_segments_are_case_sensitive()
    {
        var res = await EchoQuery("/api/hello").GetAsync("/api/Hello");

        Assert.Equal(404, res.StatusCode);
    }

    [Fact]
    public async Task Http_api_stage_prefix_is_stripped_before_matching()
    {
        var res = await EchoQuery("/api/users/[id]").SendAsync(new HttpApiEventBuilder().Stage("beta").Get("/api/users/7"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("{\"id\":\"7\"}", res.Body);
    }

    [Theory]
    [InlineData("/api/[[id]]", "Optional route parameters are not yet supported")]
    [InlineData("/api/[...a]/b", "Catch-all must be the last part of the URL")]
    [InlineData("api/x", "must start with '/'")]
    [InlineData("/api/x[id]", "mixes text and a parameter")]
    public void Invalid_patterns_are_refused_at_start_up(string pattern, string message)
    {
        var ex = Assert.Throws<FormatException>(() => RoutePattern.Parse(pattern));
        Assert.Contains(message, ex.Message);
    }

    [Theory]
    [InlineData("/beta/api/x", "beta", "/api/x")]
    [InlineData("/beta", "beta", "/")]
    [InlineData("/betamax/api", "beta", "/betamax/api")]
    [InlineData("/api/x", "$default", "/api/x")]
    public void Stage_prefix_is_only_stripped_as_a_whole_segment(string rawPath, string stage, string expected)
    {
        Assert.Equal(expected, LambdaRoutes.Mapping.HttpApiMapper.StripStage(rawPath, stage));
    }
}
