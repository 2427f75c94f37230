using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.NextSemantics;

public sealed record Greeting(string Name, int Count);

[JsonSerializable(typeof(Greeting))]
public sealed partial class TestAppJson : JsonSerializerContext;

/// <summary>Request and response helpers beyond Next's api-support cases (ApiSupportCasesTests): typed JSON, cookies, headers, ETag rules.</summary>
public sealed class RequestResponseTests
{
    private static RouteTester Route(Action<ApiRequest, ApiResponse> handle, JsonSerializerContext? json = null) =>
        new(new InlineRoute(handle), "/api/x", json);

    [Fact]
    public async Task Typed_json_round_trips_through_the_apps_context()
    {
        var tester = Route((req, res) =>
        {
            var g = req.Body.As<Greeting>()!;
            res.Json(g with { Count = g.Count + 1 });
        }, TestAppJson.Default);

        var res = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/x").Body("{\"Name\":\"Ada\",\"Count\":1}", "application/json"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("{\"Name\":\"Ada\",\"Count\":2}", res.Body);
    }

    [Fact]
    public async Task Unregistered_type_fails_with_a_message_that_says_how_to_register_it()
    {
        var res = await Route((_, res) => res.Json(new Greeting("a", 1))).GetAsync("/api/x");

        Assert.Equal(500, res.StatusCode);
        Assert.True(res.Log.Contains("No JSON metadata for type 'LambdaRoutes.Runtime.Tests.NextSemantics.Greeting'"), res.Log.Buffer);
        Assert.True(res.Log.Contains("[JsonSerializable(typeof(Greeting))]"), res.Log.Buffer);
    }

    [Fact]
    public async Task Explicit_type_info_needs_no_registration_lookup()
    {
        var res = await Route((_, res) => res.Json(new Greeting("b", 2), TestAppJson.Default.Greeting)).GetAsync("/api/x");

        Assert.Equal("{\"Name\":\"b\",\"Count\":2}", res.Body);
    }

    [Fact]
    public async Task Headers_are_case_insensitive_and_multi_valued()
    {
        var res = await Route((req, res) => res.Send(string.Join("|", req.Headers.GetAll("X-Multi")) + "/" + req.Headers["user-agent"]))
            .SendAsync(new RestApiEventBuilder().Get("/api/x").Header("x-multi", "a").Header("X-Multi", "b").Header("User-Agent", "ua"));

        Assert.Equal("a|b/ua", res.Body);
    }

    [Fact]
    public async Task Cookie_attributes_are_serialised_like_the_cookie_package()
    {
        var res = await Route((_, res) =>
        {
            res.SetCookie("session", "a b;c", new CookieOptions
            {
                Path = "/", Domain = "example.com", MaxAge = TimeSpan.FromHours(1), HttpOnly = true, Secure = true,
                SameSite = SameSiteMode.Lax, Expires = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero),
            });
            res.End();
        }).GetAsync("/api/x");

        Assert.Equal(new[] { "session=a%20b%3Bc; Max-Age=3600; Domain=example.com; Path=/; Expires=Wed, 02 Jan 2030 03:04:05 GMT; HttpOnly; Secure; SameSite=Lax" }, res.Cookies);
    }

    [Fact]
    public async Task Quoted_and_encoded_cookie_values_are_decoded_and_the_first_wins()
    {
        var res = await Route((req, res) => res.Send(req.Cookies["a"] + "|" + req.Cookies["b"]))
            .SendAsync(new RestApiEventBuilder().Get("/api/x").Header("Cookie", "a=\"x y\"; b=1%202; a=second"));

        Assert.Equal("x y|1 2", res.Body);
    }

    [Fact]
    public async Task Header_value_with_crlf_is_refused_as_a_logged_500()
    {
        var res = await Route((_, res) => res.SetHeader("x-evil", "a\r\nSet-Cookie: pwned=1").Send("x")).GetAsync("/api/x");

        Assert.Equal(500, res.StatusCode);
        Assert.Equal("Internal Server Error", res.Body);
        Assert.DoesNotContain("pwned", res.Payload);
        Assert.True(res.Log.Contains("Invalid character in header content [\"x-evil\"]"), res.Log.Buffer);
    }

    [Fact]
    public async Task Send_after_end_is_an_error_but_the_sent_response_stands()
    {
        var res = await Route((_, res) => { res.Send("first"); res.Send("second"); }).GetAsync("/api/x");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("first", res.Body);
        Assert.True(res.Log.Contains("Cannot set headers after they are sent"), res.Log.Buffer);
    }

    [Fact]
    public async Task Send_object_overwrites_content_type_and_bytes_default_to_octet_stream()
    {
        var json = await Route((_, res) => res.SetHeader("Content-Type", "text/plain").Send(new JsonObject { ["a"] = 1 })).GetAsync("/api/x");
        var bytes = await Route((_, res) => res.SetHeader("Content-Type", "image/png").Send(new byte[] { 1, 2 })).GetAsync("/api/x");

        Assert.Equal("application/json; charset=utf-8", json.Header("content-type"));
        Assert.Equal("image/png", bytes.Header("content-type"));
        Assert.True(bytes.IsBase64Encoded);
    }

    [Fact]
    public async Task Etag_is_nexts_fnv1a52_and_if_none_match_star_or_weak_match_gives_304()
    {
        var tester = Route((_, res) => res.Send("hello"));
        var first = await tester.GetAsync("/api/x");
        var etag = first.Header("etag")!;

        var weak = await tester.SendAsync(new HttpApiEventBuilder().Get("/api/x").Header("if-none-match", "\"nope\", W/" + etag));
        var star = await tester.SendAsync(new HttpApiEventBuilder().Get("/api/x").Header("if-none-match", "*"));
        var noCache = await tester.SendAsync(new HttpApiEventBuilder().Get("/api/x").Header("if-none-match", etag).Header("cache-control", "no-cache"));

        Assert.Equal("\"" + LambdaRoutes.Http.ETag.ToBase36(LambdaRoutes.Http.ETag.Fnv1a52("hello")) + "5\"", etag);
        Assert.Equal(304, weak.StatusCode);
        Assert.Equal(304, star.StatusCode);
        Assert.Equal(200, noCache.StatusCode);
    }

    [Fact]
    public void Fnv1a52_matches_the_64_bit_fnv1a_reference_folded_to_52_bits()
    {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (the published test vector); Next keeps bits 16..51 and folds the top 12 into the low 16.
        const ulong fnv64 = 0xaf63dc4c8601ec8c;
        var expected = (fnv64 & 0x000F_FFFF_FFFF_0000) | ((fnv64 & 0xFFFF) ^ (fnv64 >> 52));
        Assert.Equal(expected, LambdaRoutes.Http.ETag.Fnv1a52("a"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"message\":\"hi\",\"count\":4}")]
    [InlineData("caf\u00e9 \u00fcber \ud83d\ude00")]
    public void ETags_from_bytes_equal_the_ETag_of_the_text(string text)
    {
        // JSON bodies are hashed from their UTF-8 bytes, byte bodies from the bytes as Latin-1 text: both must give the text's ETag.
        var expected = LambdaRoutes.Http.ETag.Generate(text);
        Assert.Equal(expected, LambdaRoutes.Http.ETag.GenerateFromUtf8(Encoding.UTF8.GetBytes(text)));
        var bytes = new byte[] { 0, 0x7F, 0x80, 0xE9, 0xFF };
        Assert.Equal(LambdaRoutes.Http.ETag.Generate(Encoding.Latin1.GetString(bytes)), LambdaRoutes.Http.ETag.GenerateFromLatin1(bytes));
    }

    [Fact]
    public async Task Request_exposes_url_context_and_source()
    {
        var res = await Route((req, res) =>
                res.Send($"{req.Method} {req.Url} {req.Context.AwsRequestId} {req.SourceEvent} {req.Context.RemainingTime.TotalSeconds}"))
            .SendAsync(new HttpApiEventBuilder().AsFunctionUrl().Put("/api/x?q=1%202"), new TestLambdaContext { AwsRequestId = "r1" });

        Assert.Equal("PUT /api/x?q=1%202 r1 FunctionUrl 30", res.Body);
    }

    [Fact]
    public async Task Text_body_uses_the_declared_charset()
    {
        var latin1 = new byte[] { 0x63, 0x61, 0x66, 0xE9 }; // "café" in ISO-8859-1
        var res = await Route((req, res) => res.Send(req.Body.Text))
            .SendAsync(new HttpApiEventBuilder().Post("/api/x").Body(latin1, "text/plain; charset=iso-8859-1"));

        Assert.Equal("café", res.Body);
    }

    [Theory]
    [InlineData("text/plain; charset=klingon")]
    [InlineData("application/json; charset=utf-7")] // .NET knows UTF-7 but refuses it with NotSupportedException, not ArgumentException
    [InlineData("text/plain; charset=UTF-7")]
    public async Task Unknown_or_unsupported_charset_is_400_invalid_body(string contentType)
    {
        var res = await Route((_, res) => res.Send("ran"))
            .SendAsync(new HttpApiEventBuilder().Post("/api/x").Body("{}", contentType));

        Assert.Equal(400, res.StatusCode);
        Assert.Equal("Invalid body", res.Body);
    }
}
