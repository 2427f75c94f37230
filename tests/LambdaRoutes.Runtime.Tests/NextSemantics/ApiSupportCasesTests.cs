using System.Text.Json.Nodes;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.NextSemantics;

/// <summary>
/// The cases of Next.js test/integration/api-support/test/index.test.ts, re-expressed through the in-process invoker.
/// Case numbers are the reference's.
/// </summary>
public sealed class ApiSupportCasesTests
{
    private static readonly string[] EntityHeaders = { "content-type", "content-length", "transfer-encoding" };

    private static RouteTester Route(string pattern, Action<ApiRequest, ApiResponse> handle, RouteOptions? options = null) =>
        new(new InlineRoute(handle), options ?? new RouteOptions { Route = pattern });

    private static RouteTester Route(string pattern, Func<ApiRequest, ApiResponse, Task> handle) =>
        new(new InlineRoute(handle), new RouteOptions { Route = pattern });

    [Theory]
    [InlineData("/api/status-204")]
    [InlineData("/api/status-204?invalid=1")]
    public async Task Case03_status_204_strips_body_and_entity_headers(string url)
    {
        var tester = Route("/api/status-204", (req, res) =>
        {
            if (req.Query["invalid"] == "1") res.Status(204).Json(new JsonObject { ["hello"] = "world" });
            else res.Status(204).Send();
        });

        var res = await tester.GetAsync(url);

        Assert.Equal(204, res.StatusCode);
        Assert.Equal("", res.Body);
        foreach (var h in EntityHeaders) Assert.False(res.Headers.ContainsKey(h), h + " should be stripped");
    }

    [Fact]
    public async Task Case06_index_route_sends_text()
    {
        var res = await Route("/api", (_, res) => res.Send("Index should work")).GetAsync("/api");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("Index should work", res.Body);
        Assert.Null(res.Header("content-type")); // Next adds no Content-Type to a string body
    }

    [Fact]
    public async Task Case07_explicit_500_keeps_the_json_body()
    {
        var res = await Route("/api/error", (_, res) => res.Status(500).Json(new JsonObject { ["error"] = "Server error!" }))
            .GetAsync("/api/error");

        Assert.Equal(500, res.StatusCode);
        Assert.Equal("{\"error\":\"Server error!\"}", res.Body);
    }

    [Fact]
    public async Task Case08_throwing_handler_gives_500_without_leaking_the_error()
    {
        var res = await Route("/api/user-error", (_, _) => throw new InvalidOperationException("User error"))
            .GetAsync("/api/user-error", new TestLambdaContext { AwsRequestId = "req-8" });

        Assert.Equal(500, res.StatusCode);
        Assert.Equal("Internal Server Error", res.Body);
        Assert.DoesNotContain("User error", res.Payload);
        var logged = Assert.Single(res.Log.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("User error", logged.Message);
        Assert.Contains("req-8", logged.Message);
    }

    [Fact]
    public async Task Case08_throwing_async_handler_gives_500()
    {
        var res = await Route("/api/user-error-async", async (_, _) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("User error");
        }).GetAsync("/api/user-error-async");

        Assert.Equal(500, res.StatusCode);
        Assert.Equal("Internal Server Error", res.Body);
        Assert.True(res.Log.Contains("User error"));
    }

    private static RouteTester Parse(RouteOptions? options = null) =>
        Route("/api/parse", (req, res) => res.Json(req.Body.Json), options);

    [Fact]
    public async Task Case09_json_body_is_parsed_and_echoed()
    {
        var res = await Parse().SendAsync(new HttpApiEventBuilder().Post("/api/parse")
            .Body("[{\"title\":\"Nextjs\"}]", "application/json; charset=utf-8"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("[{\"title\":\"Nextjs\"}]", res.Body);
    }

    [Fact]
    public async Task Case10_empty_json_body_is_an_empty_object()
    {
        var res = await Parse().SendAsync(new HttpApiEventBuilder().Post("/api/parse")
            .Header("content-type", "application/json; charset=utf-8"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("{}", res.Body);
    }

    [Fact]
    public async Task Case11_json_true()
    {
        var res = await Route("/api/bool", (_, res) => res.Json(true)).GetAsync("/api/bool");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("application/json; charset=utf-8", res.Header("content-type"));
        Assert.Equal("true", res.Body);
    }

    [Fact]
    public async Task Case12_json_string_is_quoted()
    {
        var res = await Route("/api/json-string", (_, res) => res.Json("Hello world!")).GetAsync("/api/json-string");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("\"Hello world!\"", res.Body);
    }

    [Fact]
    public async Task Case12_json_null()
    {
        var res = await Route("/api/json-null", (_, res) => res.Json(null)).GetAsync("/api/json-null");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("application/json; charset=utf-8", res.Header("content-type"));
        Assert.Equal("null", res.Body);
    }

    [Fact]
    public async Task Case13_invalid_json_is_400_and_the_handler_does_not_run()
    {
        var ran = false;
        var tester = Route("/api/parse", (_, res) => { ran = true; res.Send("ran"); });

        var res = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/parse")
            .Body("{\"message\":Invalid\"}", "application/json"));

        Assert.Equal(400, res.StatusCode);
        Assert.Equal("Invalid JSON", res.Body);
        Assert.False(ran);
    }

    private static string JsonOfSize(int bytes) => "{\"data\":\"" + new string('a', bytes - 11) + "\"}";

    [Fact]
    public async Task Case14_body_over_the_default_1mb_limit_is_413()
    {
        var ran = false;
        var tester = Route("/api/parse", (_, res) => { ran = true; res.Send("ran"); });

        var res = await tester.SendAsync(new RestApiEventBuilder().Post("/api/parse")
            .Body(JsonOfSize(1024 * 1024 + 1), "application/json"));

        Assert.Equal(413, res.StatusCode);
        Assert.Equal("Body exceeded 1mb limit", res.Body);
        Assert.False(ran);
    }

    [Fact]
    public async Task Case14_body_of_exactly_1mb_is_accepted()
    {
        var res = await Parse().SendAsync(new HttpApiEventBuilder().Post("/api/parse")
            .Body(JsonOfSize(1024 * 1024), "application/json"));

        Assert.Equal(200, res.StatusCode);
    }

    [Fact]
    public async Task Case15_raised_limit_accepts_a_larger_body_and_names_itself_when_exceeded()
    {
        var tester = Parse(new RouteOptions { Route = "/api/parse", BodySizeLimit = "5mb" });

        var ok = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/parse").Body(JsonOfSize(2 * 1024 * 1024), "application/json"));
        var tooBig = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/parse").Body(JsonOfSize(5 * 1024 * 1024 + 1), "application/json"));

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(413, tooBig.StatusCode);
        Assert.Equal("Body exceeded 5mb limit", tooBig.Body);
    }

    [Fact]
    public async Task Case16_etag_then_304_on_if_none_match()
    {
        var tester = Route("/api/blog", (_, res) => res.Json(new JsonObject { ["title"] = "Nextjs" }));

        var first = await tester.GetAsync("/api/blog");
        var etag = first.Header("etag");
        var second = await tester.SendAsync(new HttpApiEventBuilder().Get("/api/blog").Header("If-None-Match", etag!));

        Assert.Equal(200, first.StatusCode);
        Assert.Matches("^\"[0-9a-z]+\"$", etag);
        Assert.Equal(304, second.StatusCode);
        Assert.Equal("", second.Body);
        Assert.Null(second.Header("content-type"));
    }

    [Fact]
    public async Task Case17_urlencoded_body_with_mixed_case_content_type()
    {
        var tester = Route("/api/parse", (req, res) => res.Json(req.Body.Form.ToJson()));

        var res = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/parse")
            .Body("title=Nextjs&description=The%20React%20Framework%20for%20Production", "application/x-www-Form-urlencoded"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("{\"title\":\"Nextjs\",\"description\":\"The React Framework for Production\"}", res.Body);
    }

    [Fact]
    public async Task Case18_body_parser_off_leaves_raw_bytes()
    {
        var tester = Route("/api/no-parsing", (req, res) =>
        {
            Assert.Equal(BodyKind.Raw, req.Body.Kind);
            Assert.Null(req.Body.Json);
            res.Json(JsonNode.Parse(req.Body.Bytes.Span));
        }, new RouteOptions { Route = "/api/no-parsing", BodyParser = false });

        var res = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/no-parsing").Body("[{\"title\":\"Nextjs\"}]", "application/json"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("[{\"title\":\"Nextjs\"}]", res.Body);
    }

    [Fact]
    public async Task Case19_body_parser_on_parses_before_the_handler()
    {
        var tester = Route("/api/parsing", (req, res) =>
        {
            if (req.Body.Kind == BodyKind.Json && req.Body.Json is not null) res.Json(new JsonObject { ["message"] = "Parsed body" });
            else res.Status(400).Send("not parsed");
        });

        var res = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/parsing").Body("[{\"title\":\"Nextjs\"}]", "application/json"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("{\"message\":\"Parsed body\"}", res.Body);
    }

    [Fact]
    public async Task Case20_invalid_redirect_arguments_are_a_logged_500()
    {
        var res = await Route("/api/redirect-null", (_, res) => res.Redirect(null!)).GetAsync("/api/redirect-null");

        Assert.Equal(500, res.StatusCode);
        Assert.Equal("Internal Server Error", res.Body);
        Assert.True(res.Log.Contains("Invalid redirect arguments. Please use a single argument URL, e.g. res.redirect('/destination') or use a status code and URL, e.g. res.redirect(307, '/destination')."));
    }

    [Fact]
    public async Task Case21_redirect_defaults_to_307_with_location_and_body()
    {
        var res = await Route("/api/redirect-307", (_, res) => res.Redirect("/login")).GetAsync("/api/redirect-307");

        Assert.Equal(307, res.StatusCode);
        Assert.Equal("/login", res.Header("location"));
        Assert.Equal("/login", res.Body);
    }

    [Fact]
    public async Task Case21_redirect_with_status()
    {
        var res = await Route("/api/redirect-301", (_, res) => res.Redirect(301, "/login")).GetAsync("/api/redirect-301");

        Assert.Equal(301, res.StatusCode);
        Assert.Equal("/login", res.Header("location"));
        Assert.Equal("/login", res.Body);
    }

    [Theory]
    [InlineData("/api/query", "{}")]
    [InlineData("/api/query?a=1&b=2&a=3", "{\"a\":[\"1\",\"3\"],\"b\":\"2\"}")]
    public async Task Case22_query_parsing_keeps_repeated_keys(string url, string expected)
    {
        var tester = Route("/api/query", (req, res) => res.Send(req.Query.ToJson()));

        var v2 = await tester.GetAsync(url);
        var v1 = await tester.SendAsync(new RestApiEventBuilder().Get(url));

        Assert.Equal(expected, v2.Body);
        Assert.Equal(expected, v1.Body);
    }

    [Fact]
    public async Task Case23_no_cookies_is_an_empty_object()
    {
        var res = await Route("/api/cookies", (req, res) => res.Send(CookiesJson(req))).GetAsync("/api/cookies");

        Assert.Equal("{}", res.Body);
    }

    [Fact]
    public async Task Case23_cookie_header_is_parsed()
    {
        var tester = Route("/api/cookies", (req, res) => res.Send(CookiesJson(req)));

        var rest = await tester.SendAsync(new RestApiEventBuilder().Get("/api/cookies").Header("Cookie", "nextjs=cool;"));
        var url = await tester.SendAsync(new HttpApiEventBuilder().AsFunctionUrl().Get("/api/cookies").Header("cookie", "nextjs=cool;"));
        var http = await tester.SendAsync(new HttpApiEventBuilder().Get("/api/cookies").Cookie("nextjs", "cool"));

        Assert.Equal("{\"nextjs\":\"cool\"}", rest.Body);
        Assert.Equal("{\"nextjs\":\"cool\"}", url.Body);
        Assert.Equal("{\"nextjs\":\"cool\"}", http.Body);
    }

    private static JsonObject CookiesJson(ApiRequest req)
    {
        var json = new JsonObject();
        foreach (var (name, value) in req.Cookies) json[name] = value;
        return json;
    }

    [Fact]
    public async Task Case24_handler_branches_on_method()
    {
        var tester = Route("/api/blog", (req, res) =>
        {
            if (req.Method == "POST") res.Json(new JsonArray(new JsonObject { ["title"] = req.Query["title"] }));
            else res.Json(new JsonArray());
        });

        var post = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/blog?title=Nextjs"));
        var get = await tester.GetAsync("/api/blog");

        Assert.Equal(200, post.StatusCode);
        Assert.Equal("[{\"title\":\"Nextjs\"}]", post.Body);
        Assert.Equal("[]", get.Body);
    }

    [Theory]
    [InlineData("/api/post-1", "{\"post\":\"post-1\"}")]
    [InlineData("/api/post-1?val=1", "{\"val\":\"1\",\"post\":\"post-1\"}")]
    [InlineData("/api/post-1?post=from-query", "{\"post\":\"post-1\"}")]
    public async Task Case25_params_merge_into_query_and_win(string url, string expected)
    {
        var tester = Route("/api/[post]", (req, res) => res.Json(req.Query.ToJson()));

        var res = await tester.GetAsync(url);

        Assert.Equal(200, res.StatusCode);
        Assert.Equal(expected, res.Body);
    }

    [Fact]
    public async Task Case30_empty_write_then_end_is_200_with_no_body()
    {
        var res = await Route("/api/nullable-payload", (_, res) => { res.Write(""); res.End(); }).GetAsync("/api/nullable-payload");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("", res.Body);
    }

    [Fact]
    public async Task Case32_unended_response_is_500_with_nexts_warning()
    {
        var res = await Route("/api/test-no-end", (_, res) => res.SetHeader("x-started", "yes")).GetAsync("/api/test-no-end?x=1");

        Assert.Equal(500, res.StatusCode);
        Assert.Equal("Internal Server Error", res.Body);
        Assert.Null(res.Header("x-started"));
        var warning = Assert.Single(res.Log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal("API resolved without sending a response for /api/test-no-end?x=1, this may result in stalled requests.", warning.Message);
    }
}
