using System.Text.Json.Nodes;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.CorsAndAuth;

/// <summary>The bearer-token guard: 401 JSON with an RFC 6750 challenge, in both route styles.</summary>
public sealed class BearerAuthTests
{
    private const string Secret = "s3cret-token";

    private static readonly RouteTester Verb = new(new VerbRoute().Map("GET", req =>
        BearerAuth.Check(req, token => BearerAuth.Matches(token, Secret)) ?? NextResponse.Json(new JsonObject { ["user"] = "ada" })), "/api/me");

    private static readonly RouteTester Handler = new(new InlineRoute((req, res) =>
    {
        if (!BearerAuth.Authorize(req, res, token => BearerAuth.Matches(token, Secret))) return;
        res.Json(new JsonObject { ["user"] = "ada" });
    }), "/api/me");

    public static TheoryData<string> Styles => new() { "verb", "handler" };

    private static RouteTester For(string style) => style == "verb" ? Verb : Handler;

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task No_token_is_401_with_a_bare_challenge_and_a_json_error(string style)
    {
        var res = await For(style).GetAsync("/api/me");
        Assert.Equal(401, res.StatusCode);
        Assert.Equal("Bearer", res.Header("www-authenticate"));
        Assert.Equal("unauthorized", (string?)res.Json()!["error"]);
        Assert.StartsWith("application/json", res.Header("content-type"));
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task A_wrong_token_is_401_invalid_token(string style)
    {
        var res = await For(style).SendAsync(new HttpApiEventBuilder().Get("/api/me").Header("Authorization", "Bearer nope"));
        Assert.Equal(401, res.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", res.Header("www-authenticate"));
        Assert.Equal("Invalid bearer token", (string?)res.Json()!["message"]);
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task The_right_token_reaches_the_handler(string style)
    {
        var res = await For(style).SendAsync(new RestApiEventBuilder().Get("/api/me").Header("Authorization", "bearer " + Secret));
        Assert.Equal(200, res.StatusCode);
        Assert.Equal("{\"user\":\"ada\"}", res.Body);
    }

    [Theory]
    [InlineData("Basic abc", null)]
    [InlineData("Bearer ", null)]
    [InlineData("Bearer  tok ", "tok")]
    public async Task Token_reads_only_bearer_credentials(string header, string? expected)
    {
        string? seen = "unset";
        var tester = new RouteTester(new InlineRoute((req, res) => { seen = BearerAuth.Token(req); res.End(); }), "/api/t");
        await tester.SendAsync(new HttpApiEventBuilder().Get("/api/t").Header("Authorization", header));
        Assert.Equal(expected, seen);
    }
}
