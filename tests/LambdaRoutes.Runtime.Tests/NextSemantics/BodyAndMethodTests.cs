using LambdaRoutes.Http;
using LambdaRoutes.Mapping;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.NextSemantics;

/// <summary>Body decoding and parsing details (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html, Next.js packages/next/src/server/api-utils/node/parse-body.ts), HEAD, and the small parsers.</summary>
public sealed class BodyAndMethodTests
{
    private static RouteTester EchoJson() =>
        new(new InlineRoute((req, res) => res.Json(req.Body.Json)), "/api/x");

    [Fact]
    public async Task Rest_api_with_binary_media_type_star_sends_json_base64_and_it_is_still_parsed()
    {
        // With binaryMediaTypes */* every body arrives base64-encoded, JSON included (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html).
        var res = await EchoJson().SendAsync(new RestApiEventBuilder().Post("/api/x")
            .Body(System.Text.Encoding.UTF8.GetBytes("{\"a\":[1,2]}"), "application/json"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("{\"a\":[1,2]}", res.Body);
    }

    [Fact]
    public async Task Base64_binary_body_reaches_the_handler_byte_for_byte()
    {
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF };
        var tester = new RouteTester(new InlineRoute((req, res) => res.Send(req.Body.Bytes.ToArray())), "/api/x");

        var res = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/x").Body(bytes, "image/png"));

        Assert.Equal(bytes, res.BodyBytes);
        Assert.True(res.IsBase64Encoded);
    }

    [Fact]
    public async Task Head_keeps_status_and_headers_but_sends_no_body()
    {
        var tester = new RouteTester(new InlineRoute((_, res) => res.Json(new System.Text.Json.Nodes.JsonObject { ["a"] = 1 })), "/api/x");

        var res = await tester.SendAsync(new HttpApiEventBuilder().Request("HEAD", "/api/x"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("application/json; charset=utf-8", res.Header("content-type"));
        Assert.Equal("", res.Body);
    }

    [Fact]
    public async Task Body_is_parsed_for_every_method_including_get()
    {
        var res = await EchoJson().SendAsync(new HttpApiEventBuilder().Get("/api/x").Body("{\"q\":1}", "application/ld+json"));

        Assert.Equal("{\"q\":1}", res.Body);
    }

    [Fact]
    public async Task Json_nested_deeper_than_64_levels_is_invalid_json_not_a_stack_overflow()
    {
        var deep = new string('[', 5000) + new string(']', 5000);
        var res = await EchoJson().SendAsync(new HttpApiEventBuilder().Post("/api/x").Body(deep, "application/json"));

        Assert.Equal(400, res.StatusCode);
        Assert.Equal("Invalid JSON", res.Body);
    }

    [Theory]
    [InlineData("{\"a\":1}")]
    [InlineData("  [1, \"two\", null, true, {\"x\": -1.5e3}]  ")]
    [InlineData("null")]
    [InlineData("\"\\ud800 a lone escaped surrogate is still JSON\"")]
    [InlineData("   ")]
    [InlineData("{\"a\":1} {\"b\":2}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":1} // comment")]
    [InlineData("{\"a\":\"\\x\"}")]
    [InlineData("{\"a\":01}")]
    [InlineData("[1,2")]
    public async Task A_json_body_is_refused_exactly_when_JsonNode_Parse_refuses_it(string body)
    {
        // The body stage checks JSON with a reader and builds no node for a handler that does not ask for one.
        var tester = new RouteTester(new InlineRoute((req, res) => res.Send(req.Body.Text)), "/api/x");
        bool nodeParses;
        try { System.Text.Json.Nodes.JsonNode.Parse(body); nodeParses = true; }
        catch (System.Text.Json.JsonException) { nodeParses = false; }

        var res = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/x").Body(body, "application/json"));

        Assert.Equal(nodeParses ? (200, body) : (400, "Invalid JSON"), (res.StatusCode, res.Body));
    }

    [Fact]
    public async Task Event_nested_deeper_than_64_levels_is_an_invalid_event()
    {
        var deep = "{\"version\":\"2.0\",\"x\":" + new string('[', 5000) + new string(']', 5000) + "}";
        var res = await EchoJson().SendAsync(System.Text.Encoding.UTF8.GetBytes(deep));

        Assert.Equal(400, res.StatusCode);
        Assert.Equal("Invalid event: the payload is not valid JSON", res.Body);
    }

    [Theory]
    [InlineData(null, 1048576L, "1mb")]
    [InlineData("5mb", 5242880L, "5mb")]
    [InlineData("500kb", 512000L, "500kb")]
    [InlineData("1.5MB", 1572864L, "1.5MB")]
    [InlineData("1024", 1024L, "1024")]
    [InlineData("10b", 10L, "10b")]
    public void Body_size_limits_use_nexts_bytes_notation(string? text, long bytes, string shown)
    {
        var limit = BodySizeLimit.Parse(text);
        Assert.Equal(bytes, limit.Bytes);
        Assert.Equal(shown, limit.Text);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("5 parsecs")]
    [InlineData("-1mb")]
    public void Invalid_size_limits_are_refused(string text)
    {
        Assert.Throws<FormatException>(() => BodySizeLimit.Parse(text));
    }

    [Theory]
    [InlineData("a=1&b=2&a=3", "{\"a\":[\"1\",\"3\"],\"b\":\"2\"}")]
    [InlineData("a[]=1&a[]=2", "{\"a[]\":[\"1\",\"2\"]}")]
    [InlineData("q=hello+world&e=%E2%9C%93&bad=%zz&flag", "{\"q\":\"hello world\",\"e\":\"✓\",\"bad\":\"%zz\",\"flag\":\"\"}")]
    [InlineData("", "{}")]
    [InlineData("&&x=1&", "{\"x\":\"1\"}")]
    public void Query_strings_parse_like_node_querystring(string query, string expected)
    {
        Assert.Equal(expected, LambdaRoutes.Json.JsonText.Write(QueryStringParser.Parse(query).ToJson()));
    }
}
