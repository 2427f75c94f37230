using System.Text.Json.Nodes;
using LambdaRoutes.Mapping;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.Testing;

/// <summary>The Testing kit's builders produce events shaped like API Gateway's (compared with the genuine fixtures).</summary>
public sealed class EventBuilderTests
{
    private static IEnumerable<string> TopLevelKeys(byte[] json) => JsonNode.Parse(json)!.AsObject().Select(p => p.Key).Order();

    [Fact]
    public void Http_api_events_use_the_keys_of_a_genuine_2_0_event()
    {
        var built = new HttpApiEventBuilder().Post("/api/x?a=1").Cookie("c", "1").Body("{}", "application/json").ToJson();
        var genuine = TopLevelKeys(Fixtures.Event("http-v2-post-json.json")).Except(new[] { "pathParameters", "stageVariables" });

        Assert.Equal(genuine, TopLevelKeys(built));
        Assert.Equal(ApiEventSource.HttpApi, Assert.IsType<DecodedEvent.Request>(EventDecoder.Decode(built)).Data.Source);
    }

    [Fact]
    public void Rest_events_use_the_keys_of_a_genuine_v1_event()
    {
        var built = new RestApiEventBuilder().Get("/api/x?a=1").Header("h", "v").Body("x").ToJson();
        var genuine = TopLevelKeys(Fixtures.Event("rest-v1-get-query.json"));

        Assert.Equal(genuine, TopLevelKeys(built));
        Assert.Equal(ApiEventSource.RestApi, Assert.IsType<DecodedEvent.Request>(EventDecoder.Decode(built)).Data.Source);
    }

    [Fact]
    public void Named_stage_is_prefixed_to_raw_path_like_api_gateway()
    {
        var e = new HttpApiEventBuilder().Stage("beta").Get("/api/x").Build();

        Assert.Equal("/beta/api/x", e.RawPath);
        Assert.Equal("beta", e.RequestContext!.Stage);
    }

    [Fact]
    public void Function_url_events_keep_the_cookie_header_and_are_detected()
    {
        var json = new HttpApiEventBuilder().AsFunctionUrl().Get("/").Cookie("a", "1").ToJson();
        var e = new HttpApiEventBuilder().AsFunctionUrl().Get("/").Cookie("a", "1").Build();

        Assert.Equal("a=1", e.Headers!["cookie"]);
        Assert.Equal(new[] { "a=1" }, e.Cookies);
        Assert.Equal(ApiEventSource.FunctionUrl, Assert.IsType<DecodedEvent.Request>(EventDecoder.Decode(json)).Data.Source);
    }

    [Fact]
    public void Repeated_query_keys_are_comma_joined_in_the_decoded_map_and_kept_in_the_raw_query()
    {
        var e = new HttpApiEventBuilder().Get("/x?a=1&a=2&b=x%20y").Build();
        var rest = new RestApiEventBuilder().Get("/x?a=1&a=2").Build();

        Assert.Equal("a=1&a=2&b=x%20y", e.RawQueryString);
        Assert.Equal("1,2", e.QueryStringParameters!["a"]);
        Assert.Equal(new[] { "1", "2" }, rest.MultiValueQueryStringParameters!["a"]);
        Assert.Equal("2", rest.QueryStringParameters!["a"]); // REST's single map keeps the last value
    }

    [Fact]
    public void A_route_template_gives_the_route_key_and_path_parameters_of_the_deployed_api()
    {
        var http = new HttpApiEventBuilder().Get("/api/posts/2024/a%20b").Route("/api/posts/{proxy+}").Build();
        var rest = new RestApiEventBuilder().Get("/api/posts/2024/a%20b").Resource("/api/posts/{proxy+}").Build();
        var unmatched = new HttpApiEventBuilder().Get("/api/posts").Route("/api/posts/{proxy+}").Build();

        Assert.Equal("ANY /api/posts/{proxy+}", http.RouteKey);
        Assert.Equal("2024/a b", http.PathParameters!["proxy"]); // HTTP API decodes path parameters
        Assert.Equal("/api/posts/2024/a b", http.RawPath);
        Assert.Equal("2024/a%20b", rest.PathParameters!["proxy"]); // REST keeps them encoded
        Assert.Equal("/api/posts/2024/a%20b", rest.Path);
        Assert.Null(unmatched.PathParameters); // a greedy variable needs a segment, as on API Gateway
    }

    [Theory]
    [InlineData("application/json", new byte[] { 0x7B, 0x7D }, false)]
    [InlineData("text/plain; charset=utf-8", new byte[] { 0x63, 0x61, 0x66, 0xC3, 0xA9 }, false)]
    [InlineData("text/plain; charset=iso-8859-1", new byte[] { 0x63, 0x61, 0x66, 0xE9 }, true)] // not UTF-8: text would lose it
    [InlineData("application/x-www-form-urlencoded", new byte[] { 0x61, 0x3D, 0x31 }, true)]
    [InlineData("application/octet-stream", new byte[] { 0x00, 0xFF }, true)]
    public void A_body_is_text_or_base64_by_api_gateways_rule(string contentType, byte[] body, bool httpApiBase64)
    {
        var http = new HttpApiEventBuilder().Post("/x").Body(body, contentType).Build();
        var rest = new RestApiEventBuilder().Post("/x").Body(body, contentType).Build();

        Assert.Equal(httpApiBase64, http.IsBase64Encoded);
        Assert.Equal(body, http.IsBase64Encoded ? Convert.FromBase64String(http.Body!) : System.Text.Encoding.UTF8.GetBytes(http.Body!));
        Assert.True(rest.IsBase64Encoded); // the construct's binaryMediaTypes is */*
        Assert.Equal(body, Convert.FromBase64String(rest.Body!));
    }

    [Fact]
    public void Test_logger_captures_levels_in_awss_test_format()
    {
        var logger = new TestLambdaLogger();
        ILambdaLogger asInterface = logger;

        asInterface.LogWarning("w");
        asInterface.Log("Error", "e");

        Assert.Equal(new[] { new LogEntry(LogLevel.Warning, "w"), new LogEntry(LogLevel.Error, "e") }, logger.Entries);
        Assert.Equal("Warning: w\nError: e\n", logger.Buffer);
    }
}
