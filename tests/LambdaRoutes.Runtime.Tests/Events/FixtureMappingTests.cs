using System.Text.Json.Nodes;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.Events;

/// <summary>Every genuine event in tests/fixtures/events decodes and maps to the right request (tests/fixtures/events/SOURCES.md).</summary>
public sealed class FixtureMappingTests
{
    /// <summary>Runs the fixture and checks the three things every event must map: its source, method and path.</summary>
    private static async Task<(ApiRequest Request, RouteTestResponse Response)> Capture(
        string fixture, ApiEventSource source, string method, string path)
    {
        var (req, res) = await FixtureInvocation.CaptureAsync(fixture);
        Assert.Equal(source, req.SourceEvent);
        Assert.Equal(method, req.Method);
        Assert.Equal(path, req.Path);
        return (req, res);
    }

    [Fact]
    public void Every_fixture_is_covered_by_a_test_below()
    {
        Assert.Equal(new[]
        {
            "function-url-get-cookies.json", "http-v2-cookies.json", "http-v2-post-json.json",
            "http-v2-proxy-put-json.json", "rest-v1-get-query.json", "rest-v1-proxy-greedy.json",
        }, Fixtures.EventNames());
    }

    [Fact]
    public async Task Function_url_get_with_cookie_header_and_cookies_array()
    {
        var (req, res) = await Capture("function-url-get-cookies.json", ApiEventSource.FunctionUrl, "GET", "/my/path");

        Assert.Equal("/my/path?parameter1=value1&parameter1=value2&parameter2=value", req.Url);
        Assert.Equal(new[] { "value1", "value2" }, req.Query.GetAll("parameter1"));
        Assert.Equal("value", req.Query["parameter2"]);
        Assert.Equal(new[] { "test=hi" }, req.Headers.GetAll("Cookie")); // kept once, not duplicated from cookies[]
        Assert.Equal("TLSv1.2", req.Headers["X-Amzn-Tls-Version"]);
        Assert.Equal("hi", req.Cookies["test"]);
        Assert.Equal(BodyKind.None, req.Body.Kind);
        Assert.Equal(0, req.Body.Bytes.Length);
        Assert.Contains("\"statusCode\":200", res.Payload);
    }

    [Fact]
    public async Task Http_api_named_stage_is_stripped_and_base64_flag_without_body_is_empty()
    {
        var (req, _) = await Capture("http-v2-cookies.json", ApiEventSource.HttpApi, "GET", "/nodejs-apig-function-1G3XMPLZXVXYI");

        Assert.Equal(req.Path, req.Url);
        Assert.Equal(new[] { "rest" }, req.Query.Keys); // rawQueryString is empty; only the route param is merged in
        Assert.Equal("7AABXMPL1AFD9BBF-0643XMPL09956DE2", req.Cookies["s_fid"]);
        Assert.Equal("pre-register", req.Cookies["regStatus"]);
        Assert.Equal("s_fid=7AABXMPL1AFD9BBF-0643XMPL09956DE2; regStatus=pre-register", req.Headers["cookie"]);
        Assert.Equal("r3pmxmplak.execute-api.us-east-2.amazonaws.com", req.Headers["Host"]);
        Assert.Equal(BodyKind.None, req.Body.Kind);
    }

    [Fact]
    public async Task Http_api_post_reads_the_raw_query_and_keeps_comma_joined_headers()
    {
        var (req, _) = await Capture("http-v2-post-json.json", ApiEventSource.HttpApi, "POST", "/my/path");

        Assert.Equal(new[] { "value1", "value2" }, req.Query.GetAll("parameter1")); // from rawQueryString, not the comma-joined map
        Assert.True(req.Query.IsArray("parameter1"));
        Assert.Equal("value1,value2", req.Headers["header2"]);
        Assert.Equal("cookie1; cookie2", req.Headers["cookie"]);
        Assert.Empty(req.Cookies); // "cookie1" has no '=', which the cookie parser skips
        // No Content-Type: Next treats the body as text (Next.js packages/next/src/server/api-utils/node/parse-body.ts).
        Assert.Equal(BodyKind.Text, req.Body.Kind);
        Assert.Equal("{\"message\": \"hello world\", \"username\": \"tom\"}", req.Body.Text);
    }

    [Fact]
    public async Task Http_api_proxy_put_parses_the_json_body()
    {
        var (req, _) = await Capture("http-v2-proxy-put-json.json", ApiEventSource.HttpApi, "PUT", "/api/bodytests");

        Assert.Equal(new[] { "api", "bodytests" }, req.Params.GetAll("rest"));
        Assert.Equal("application/json", req.Headers["Content-Type"]);
        Assert.Equal(BodyKind.Json, req.Body.Kind);
        Assert.Equal("Smith", (string?)req.Body.Json!["firstName"]);
        Assert.Equal("Agent", (string?)req.Body.Json!["lastName"]);
    }

    [Fact]
    public async Task Rest_get_prefers_multi_value_maps()
    {
        var (req, _) = await Capture("rest-v1-get-query.json", ApiEventSource.RestApi, "GET", "/my/path");

        Assert.Equal(new[] { "value1", "value2" }, req.Query.GetAll("parameter1"));
        Assert.Equal("value", req.Query["parameter2"]);
        Assert.Equal(new[] { "value1", "value2" }, req.Headers.GetAll("header2"));
        Assert.Equal("value1", req.Headers["HEADER1"]);
        Assert.Empty(req.Cookies);
        Assert.Equal(BodyKind.Text, req.Body.Kind);
        Assert.Equal("Hello from Lambda!", req.Body.Text);
    }

    [Fact]
    public async Task Rest_greedy_proxy_post_without_multi_value_maps()
    {
        var (req, _) = await Capture("rest-v1-proxy-greedy.json", ApiEventSource.RestApi, "POST", "/hello/world");

        Assert.Equal("/hello/world?name=me", req.Url);
        Assert.Equal("me", req.Query["name"]);
        Assert.Equal(new[] { "hello", "world" }, req.Params.GetAll("rest"));
        Assert.Equal("headerValue", req.Headers["headername"]);
        Assert.Equal(BodyKind.Json, req.Body.Kind);
        Assert.Equal(1, (int)req.Body.Json!["a"]!);
    }

    [Theory]
    [InlineData("function-url-get-cookies.json", "FunctionUrl")]
    [InlineData("http-v2-cookies.json", "HttpApi")]
    [InlineData("http-v2-post-json.json", "HttpApi")]
    [InlineData("http-v2-proxy-put-json.json", "HttpApi")]
    [InlineData("rest-v1-get-query.json", "RestApi")]
    [InlineData("rest-v1-proxy-greedy.json", "RestApi")]
    public async Task Response_is_written_in_the_events_own_format(string fixture, string source)
    {
        var res = await FixtureInvocation.SendAsync(fixture, (_, res) =>
        {
            res.Status(201).SetHeader("x-a", "1").AppendHeader("x-b", "2").AppendHeader("x-b", "3");
            res.SetCookie("a", "1", new CookieOptions { Path = "/", HttpOnly = true }).SetCookie("b", "2 3");
            res.Json(new JsonObject { ["ok"] = true });
        });
        var payload = JsonNode.Parse(res.Payload)!.AsObject();
        var keys = payload.Select(p => p.Key).ToArray();

        if (source == "RestApi")
        {
            Assert.Equal(new[] { "statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded" }, keys);
            Assert.Equal(new[] { "a=1; Path=/; HttpOnly", "b=2%203" }, payload["multiValueHeaders"]!["Set-Cookie"]!.AsArray().Select(n => (string?)n));
            Assert.Equal(new[] { "2", "3" }, payload["multiValueHeaders"]!["x-b"]!.AsArray().Select(n => (string?)n));
            Assert.Equal("1", (string?)payload["headers"]!["x-a"]);
        }
        else
        {
            Assert.Equal(new[] { "statusCode", "headers", "cookies", "body", "isBase64Encoded" }, keys);
            Assert.Equal(new[] { "a=1; Path=/; HttpOnly", "b=2%203" }, payload["cookies"]!.AsArray().Select(n => (string?)n));
            Assert.Equal("2,3", (string?)payload["headers"]!["x-b"]);
            Assert.Null(payload["headers"]!["Set-Cookie"]);
        }
        Assert.Equal(201, (int)payload["statusCode"]!);
        Assert.Equal("{\"ok\":true}", (string?)payload["body"]);
        Assert.False((bool)payload["isBase64Encoded"]!);
        Assert.Equal("application/json; charset=utf-8", (string?)payload["headers"]!["Content-Type"]);
    }

    [Theory]
    [InlineData("function-url-get-cookies.json")]
    [InlineData("rest-v1-get-query.json")]
    public async Task Binary_response_is_base64(string fixture)
    {
        var bytes = new byte[] { 0, 1, 2, 0xFF, 0xFE };
        var res = await FixtureInvocation.SendAsync(fixture, (_, res) => res.Send(bytes));
        var payload = JsonNode.Parse(res.Payload)!;

        Assert.True((bool)payload["isBase64Encoded"]!);
        Assert.Equal(Convert.ToBase64String(bytes), (string?)payload["body"]);
        Assert.Equal("application/octet-stream", res.Header("content-type"));
        Assert.Equal(bytes, res.BodyBytes);
    }
}
