using System.Text;
using System.Text.Json;
using LambdaRoutes.Dev.Tests.Support;

namespace LambdaRoutes.Dev.Tests.Dev;

/// <summary>
/// The events the dev server builds for real requests, compared with the genuine AWS events in tests/fixtures/events
/// (same property names, same shapes) and checked value by value against what API Gateway would put there (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
/// </summary>
public sealed class EventShapeTests(InProcessHttpApiFixture http, InProcessRestApiFixture rest)
    : IClassFixture<InProcessHttpApiFixture>, IClassFixture<InProcessRestApiFixture>
{
    private static List<JsonElement> Genuine(string prefix) => Directory.GetFiles(Fixtures.EventsDirectory, prefix + "*.json")
        .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.Clone())
        .ToList();

    private static async Task<JsonElement> SendAsync(DevServerFixture fixture, string marker)
    {
        var response = await RawHttp.SendAsync(fixture.Client.BaseAddress!, "POST", $"/api/users/7?x=1&x=2&y=a%20b&m={marker}",
            ["Content-Type: application/json", "Cookie: a=1; b=2", "X-Custom: one", "X-Custom: two", "User-Agent: shape-test/2"],
            "{\"name\":\"Ada\"}");
        Assert.StartsWith("HTTP/1.1 404", response); // user 7 does not exist: the route ran and answered
        return JsonDocument.Parse(fixture.LastEvent(marker)).RootElement.Clone();
    }

    [Fact]
    public void Fixtures_are_where_the_tests_expect_them()
    {
        Assert.Equal(3, Genuine("http-v2-").Count);
        Assert.Equal(2, Genuine("rest-v1-").Count);
    }

    [Fact]
    public async Task Http_api_event_has_the_genuine_shape()
    {
        var ours = await SendAsync(http, "shape-v2");

        Assert.Empty(JsonShape.Differences(ours, Genuine("http-v2-")));
    }

    [Fact]
    public async Task Http_api_event_values_are_what_api_gateway_sends()
    {
        var e = await SendAsync(http, "values-v2");
        var context = e.GetProperty("requestContext");

        Assert.Equal("2.0", e.GetProperty("version").GetString());
        Assert.Equal("ANY /api/users/{id}", e.GetProperty("routeKey").GetString());
        Assert.Equal("ANY /api/users/{id}", context.GetProperty("routeKey").GetString());
        Assert.Equal("/api/users/7", e.GetProperty("rawPath").GetString());
        Assert.Equal("x=1&x=2&y=a%20b&m=values-v2", e.GetProperty("rawQueryString").GetString());
        Assert.Equal(["a=1", "b=2"], e.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()));
        var headers = e.GetProperty("headers");
        Assert.False(headers.TryGetProperty("cookie", out _), "API Gateway moves the cookie header to cookies[]");
        Assert.All(headers.EnumerateObject(), h => Assert.Equal(h.Name.ToLowerInvariant(), h.Name));
        Assert.Equal("one,two", headers.GetProperty("x-custom").GetString());
        Assert.Equal("shape-test/2", headers.GetProperty("user-agent").GetString());
        Assert.Equal("127.0.0.1", headers.GetProperty("x-forwarded-for").GetString());
        Assert.Equal("1,2", e.GetProperty("queryStringParameters").GetProperty("x").GetString());
        Assert.Equal("a b", e.GetProperty("queryStringParameters").GetProperty("y").GetString());
        Assert.Equal("7", e.GetProperty("pathParameters").GetProperty("id").GetString());
        Assert.Equal("{\"name\":\"Ada\"}", e.GetProperty("body").GetString());
        Assert.False(e.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal("$default", context.GetProperty("stage").GetString());
        Assert.Equal("POST", context.GetProperty("http").GetProperty("method").GetString());
        Assert.Equal("/api/users/7", context.GetProperty("http").GetProperty("path").GetString());
        Assert.Equal("HTTP/1.1", context.GetProperty("http").GetProperty("protocol").GetString());
        Assert.Equal("127.0.0.1", context.GetProperty("http").GetProperty("sourceIp").GetString());
        Assert.Matches(@"^\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} \+0000$", context.GetProperty("time").GetString());
        Assert.InRange(context.GetProperty("timeEpoch").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Matches("^[A-Za-z0-9+/]{15}=$", context.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task Http_api_greedy_route_gets_the_rest_of_the_path()
    {
        using var response = await http.Client.GetAsync("/api/posts/2024/first-bug?m=greedy-v2");
        var e = JsonDocument.Parse(http.LastEvent("greedy-v2")).RootElement;

        Assert.Equal("ANY /api/posts/{proxy+}", e.GetProperty("routeKey").GetString());
        Assert.Equal("2024/first-bug", e.GetProperty("pathParameters").GetProperty("proxy").GetString());
        Assert.False(e.TryGetProperty("body", out _));
        Assert.False(e.TryGetProperty("cookies", out _));
        Assert.Empty(JsonShape.Differences(e, Genuine("http-v2-")));
    }

    [Fact]
    public async Task Rest_event_has_the_genuine_shape()
    {
        var ours = await SendAsync(rest, "shape-v1");

        Assert.Empty(JsonShape.Differences(ours, Genuine("rest-v1-")));
    }

    [Fact]
    public async Task Rest_event_values_are_what_api_gateway_sends()
    {
        var e = await SendAsync(rest, "values-v1");
        var context = e.GetProperty("requestContext");

        Assert.Equal("/api/users/{id}", e.GetProperty("resource").GetString());
        Assert.Equal("/api/users/7", e.GetProperty("path").GetString());
        Assert.Equal("POST", e.GetProperty("httpMethod").GetString());
        Assert.Equal("2", e.GetProperty("queryStringParameters").GetProperty("x").GetString());
        Assert.Equal(["1", "2"], e.GetProperty("multiValueQueryStringParameters").GetProperty("x").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["one", "two"], e.GetProperty("multiValueHeaders").EnumerateObject()
            .Single(h => h.Name.Equals("x-custom", StringComparison.OrdinalIgnoreCase)).Value.EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("a=1; b=2", e.GetProperty("headers").EnumerateObject().Single(h => h.Name.Equals("cookie", StringComparison.OrdinalIgnoreCase)).Value.GetString());
        Assert.Equal("7", e.GetProperty("pathParameters").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("stageVariables").ValueKind);
        Assert.True(e.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal("{\"name\":\"Ada\"}", Encoding.UTF8.GetString(Convert.FromBase64String(e.GetProperty("body").GetString()!)));
        Assert.Equal("prod", context.GetProperty("stage").GetString());
        Assert.Equal("/prod/api/users/7", context.GetProperty("path").GetString());
        Assert.Equal("/api/users/{id}", context.GetProperty("resourcePath").GetString());
        Assert.Equal("POST", context.GetProperty("httpMethod").GetString());
        Assert.Equal("127.0.0.1", context.GetProperty("identity").GetProperty("sourceIp").GetString());
        Assert.Equal("shape-test/2", context.GetProperty("identity").GetProperty("userAgent").GetString());
        Assert.True(Guid.TryParse(context.GetProperty("requestId").GetString(), out _));
    }

    [Fact]
    public async Task Rest_event_without_query_or_body_has_nulls_where_aws_has_them()
    {
        using var response = await rest.Client.GetAsync("/api/health");
        var e = JsonDocument.Parse(rest.LastEvent("/api/health")).RootElement;

        Assert.Equal(JsonValueKind.Null, e.GetProperty("queryStringParameters").ValueKind);
        Assert.Equal(JsonValueKind.Null, e.GetProperty("multiValueQueryStringParameters").ValueKind);
        Assert.Equal(JsonValueKind.Null, e.GetProperty("pathParameters").ValueKind);
        Assert.Equal(JsonValueKind.Null, e.GetProperty("body").ValueKind);
        Assert.False(e.GetProperty("isBase64Encoded").GetBoolean());
    }
}
