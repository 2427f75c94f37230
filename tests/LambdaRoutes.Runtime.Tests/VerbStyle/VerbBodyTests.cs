using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.VerbStyle;

/// <summary>
/// A verb-style route reads its body as an App Router route handler reads its Web <c>Request</c>: nothing is parsed before
/// the handler, the raw text is always readable, JSON and forms are parsed on first read, and only a size limit the route
/// declares applies. Handler-style routes keep the Pages Router's parse-before-the-handler (the contrast tests below).
/// </summary>
public sealed class VerbBodyTests
{
    private static RouteTester Verb(Func<ApiRequest, RouteResult> post, string? bodySizeLimit = null) =>
        new(new VerbRoute("api/x.cs").Map("POST", post), new RouteOptions { Route = "/api/x", BodySizeLimit = bodySizeLimit });

    private static HttpApiEventBuilder Post(string body, string contentType) => new HttpApiEventBuilder().Post("/api/x").Body(body, contentType);

    [Fact]
    public async Task Text_of_a_body_labelled_json_that_is_not_json_is_the_raw_text_for_a_webhook_signature()
    {
        const string payload = "{\"event\":\"paid\",";  // cut short: not JSON, but the bytes a signature is computed over
        var res = await Verb(req => NextResponse.Text(req.Text())).SendAsync(Post(payload, "application/json"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal(payload, res.Body);
    }

    [Fact]
    public async Task A_1_5_mb_post_reaches_the_handler_when_the_route_declares_no_limit()
    {
        var body = new byte[1536 * 1024];
        Random.Shared.NextBytes(body);
        var res = await Verb(req => NextResponse.Json(new JsonObject { ["length"] = req.Bytes().Length }))
            .SendAsync(new HttpApiEventBuilder().Post("/api/x").Body(body));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal(body.Length, (int)res.Json()!["length"]!);
    }

    [Fact]
    public async Task A_limit_the_route_declares_still_answers_413_before_the_handler()
    {
        var ran = false;
        var res = await Verb(_ => { ran = true; return NextResponse.NoContent(); }, "1kb").SendAsync(Post(new string('a', 1025), "text/plain"));

        Assert.Equal((413, "Body exceeded 1kb limit"), (res.StatusCode, res.Body));
        Assert.False(ran);
    }

    [Fact]
    public async Task Json_on_invalid_json_throws_JsonException_which_the_handler_can_answer_itself()
    {
        var res = await Verb(req =>
        {
            try
            {
                return NextResponse.Json(req.Json<JsonNode>());
            }
            catch (JsonException)
            {
                return NextResponse.Json(new JsonObject { ["error"] = "bad json", ["raw"] = req.Text() }, 422);
            }
        }).SendAsync(Post("{oops", "application/json"));

        Assert.Equal(422, res.StatusCode);
        Assert.Equal("{\"error\":\"bad json\",\"raw\":\"{oops\"}", res.Body);
    }

    [Theory]
    [InlineData("{oops")]
    [InlineData("")] // JSON.parse("") behind request.json() throws too; only the Pages Router reads an empty body as {}
    [InlineData("{\"name\":")]
    public async Task Invalid_json_the_handler_lets_escape_from_Json_is_a_400_Invalid_JSON_with_a_warning(string body)
    {
        var res = await Verb(req => NextResponse.Json(req.Json<JsonNode>())).SendAsync(Post(body, "application/json"));

        Assert.Equal((400, "Invalid JSON"), (res.StatusCode, res.Body));
        Assert.True(res.Log.Contains("Invalid JSON"), res.Log.Buffer);
        Assert.True(res.Log.Contains("api/x.cs"), res.Log.Buffer);
    }

    [Fact]
    public async Task A_json_exception_of_the_handlers_own_is_still_a_500_with_an_empty_body()
    {
        // Valid body, but the handler parses something else that fails: a server fault, not the client's bad body.
        var res = await Verb(req =>
        {
            _ = req.Json<JsonNode>();
            return NextResponse.Json(JsonNode.Parse("{broken"));
        }).SendAsync(Post("{\"ok\":true}", "application/json"));

        Assert.Equal((500, ""), (res.StatusCode, res.Body));
        Assert.True(res.Log.Contains("Error in route handler 'api/x.cs'"), res.Log.Buffer);
        Assert.False(res.Log.Contains("Invalid JSON"), res.Log.Buffer);
    }

    [Fact]
    public async Task Json_parses_on_first_read_and_a_leading_byte_order_mark_is_dropped()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"name\":\"Ada\"}")).ToArray();
        var res = await Verb(req => NextResponse.Json(new JsonObject { ["name"] = req.Json<JsonNode>()!["name"]!.GetValue<string>(), ["text"] = req.Text() }))
            .SendAsync(new HttpApiEventBuilder().Post("/api/x").Body(body, "application/json"));

        Assert.Equal("{\"name\":\"Ada\",\"text\":\"{\\\"name\\\":\\\"Ada\\\"}\"}", res.Body);
    }

    [Theory]
    [InlineData("text/plain; charset=iso-8859-1")]
    [InlineData("application/json; charset=utf-7")]
    [InlineData("text/plain; charset=klingon")]
    public async Task Text_is_utf8_whatever_the_charset_says_as_the_web_request_text(string contentType)
    {
        var res = await Verb(req => NextResponse.Text(req.Text()))
            .SendAsync(new HttpApiEventBuilder().Post("/api/x").Body(Encoding.UTF8.GetBytes("café"), contentType));

        Assert.Equal((200, "café"), (res.StatusCode, res.Body));
    }

    [Fact]
    public async Task A_malformed_multipart_body_reaches_the_handler_and_FormData_throws_the_parsers_message()
    {
        var res = await Verb(req =>
        {
            try
            {
                return NextResponse.Json(new JsonObject { ["fields"] = req.FormData().Fields.Count });
            }
            catch (FormatException ex)
            {
                return NextResponse.Text(ex.Message, 400);
            }
        }).SendAsync(Post("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno closing boundary", "multipart/form-data; boundary=b"));

        Assert.Equal(400, res.StatusCode);
        Assert.StartsWith("Invalid multipart/form-data body: ", res.Body);
        Assert.Contains("the closing boundary", res.Body);
    }

    [Fact]
    public async Task Handler_style_keeps_the_pages_router_answers_before_the_handler()
    {
        var ran = false;
        var tester = new RouteTester(new InlineRoute((_, res) => { ran = true; res.Send("ran"); }), "/api/x");

        var invalid = await tester.SendAsync(Post("{oops", "application/json"));
        var large = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/x").Body(new byte[1536 * 1024]));
        var charset = await tester.SendAsync(Post("x", "text/plain; charset=utf-7"));

        Assert.Equal((400, "Invalid JSON"), (invalid.StatusCode, invalid.Body));
        Assert.Equal((413, "Body exceeded 1mb limit"), (large.StatusCode, large.Body));
        Assert.Equal((400, "Invalid body"), (charset.StatusCode, charset.Body));
        Assert.False(ran);
    }
}
