using System.Text;
using System.Text.Json.Nodes;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.Security;

/// <summary>
/// Security, by example: traversal-looking catch-all segments are data, never paths the runtime resolves;
/// the body limit is checked before any decoding or parsing; JSON depth is capped at 64 exactly.
/// </summary>
public sealed class HostileRequestTests
{
    private static RouteTester EchoParams(string pattern) => new(new InlineRoute((req, res) => res.Json(new JsonObject
    {
        ["params"] = req.Params.ToJson(),
        ["path"] = req.Path,
    })), pattern);

    public static TheoryData<string, string[]> TraversalPaths() => new()
    {
        { "/api/files/..%2F..%2Fetc%2Fpasswd", new[] { "../../etc/passwd" } },
        { "/api/files/%2E%2E/%2e%2e/secret", new[] { "..", "..", "secret" } },
        { "/api/files/../../etc/passwd", new[] { "..", "..", "etc", "passwd" } },
        { "/api/files/a%00b/c", new[] { "a\0b", "c" } },
        { "/api/files/%00", new[] { "\0" } },
        { "/api/files/.%2F./x", new[] { "./.", "x" } },
    };

    [Theory]
    [MemberData(nameof(TraversalPaths))]
    public async Task Catch_all_segments_with_dots_slashes_and_nul_arrive_as_data(string path, string[] expected)
    {
        foreach (var evt in new[] { new HttpApiEventBuilder().Get(path).ToJson(), new RestApiEventBuilder().Get(path).ToJson() })
        {
            var res = await EchoParams("/api/files/[...path]").SendAsync(evt);

            Assert.Equal(200, res.StatusCode);
            var json = res.Json()!;
            Assert.Equal(expected, json["params"]!["path"]!.AsArray().Select(n => (string)n!).ToArray());
            // The runtime did not resolve the dots: the path it saw is the path that was sent.
            Assert.StartsWith("/api/files/", (string)json["path"]!);
        }
    }

    [Fact]
    public async Task An_encoded_backslash_is_data_on_rest_and_a_next_redirect_on_http_api()
    {
        // REST keeps the path encoded; HTTP API decodes rawPath (all but %2F), so the route sees a backslash and answers
        // Next's 308 to the normalised path, as it would behind a real HTTP API.
        var rest = await EchoParams("/api/files/[...path]").SendAsync(new RestApiEventBuilder().Get("/api/files/%5C..%5Cwindows"));
        var http = await EchoParams("/api/files/[...path]").SendAsync(new HttpApiEventBuilder().Get("/api/files/%5C..%5Cwindows"));

        Assert.Equal(200, rest.StatusCode);
        Assert.Equal(["\\..\\windows"], rest.Json()!["params"]!["path"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.Equal(308, http.StatusCode);
        Assert.StartsWith("/api/files/", http.Header("location"));
    }

    [Fact]
    public async Task A_single_dynamic_segment_keeps_an_encoded_slash_and_nul_as_one_value()
    {
        var res = await EchoParams("/api/users/[id]").SendAsync(new HttpApiEventBuilder().Get("/api/users/..%2Fadmin%00"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("../admin\0", (string)res.Json()!["params"]!["id"]!);
    }

    private static readonly InlineRoute MustNotRun = new((_, _) => throw new InvalidOperationException("the handler ran"));

    public static TheoryData<string, string> OversizedBodies() => new()
    {
        // Each would be a 400 if it were parsed first; over the limit it must be 413 without parsing.
        { "application/json", new string('{', 2 * 1024 * 1024) },
        { "multipart/form-data; boundary=x", "--x\r\nnot a part" + new string('z', 2 * 1024 * 1024) },
        { "text/plain; charset=no-such-charset", new string('a', 2 * 1024 * 1024) },
        { "application/x-www-form-urlencoded", string.Concat(Enumerable.Repeat("a=%zz&", 400_000)) },
    };

    [Theory]
    [MemberData(nameof(OversizedBodies))]
    public async Task The_body_limit_is_checked_before_the_body_is_decoded_or_parsed(string contentType, string body)
    {
        var tester = new RouteTester(MustNotRun, new RouteOptions { Route = "/api/x", BodySizeLimit = "1mb" });

        var text = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/x").Body(body, contentType));
        var binary = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/x").Body(Encoding.UTF8.GetBytes(body), contentType));

        foreach (var res in new[] { text, binary })
        {
            Assert.Equal(413, res.StatusCode);
            Assert.Equal("Body exceeded 1mb limit", res.Body);
            Assert.False(res.Log.Contains("the handler ran"));
        }
    }

    [Fact]
    public async Task Json_depth_is_capped_at_64_exactly()
    {
        var tester = new RouteTester(new InlineRoute((req, res) => res.Send(req.Body.Kind.ToString())), "/api/x");
        static string Nested(int depth) => new string('[', depth) + new string(']', depth);

        var at = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/x").Body(Nested(64), "application/json"));
        var over = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/x").Body(Nested(65), "application/json"));

        Assert.Equal((200, "Json"), (at.StatusCode, at.Body));
        Assert.Equal((400, "Invalid JSON"), (over.StatusCode, over.Body));
    }
}
