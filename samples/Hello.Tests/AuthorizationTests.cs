using Hello.Api;
using LambdaRoutes.Testing;

namespace Hello.Tests;

/// <summary>
/// The protected route reads the caller API Gateway's authorizer vouched for; the health check stays public. The events
/// are the ones API Gateway sends after a JWT (HTTP API) or Cognito (REST) authorizer let the request through.
/// </summary>
public class AuthorizationTests
{
    private readonly RouteTester _me = new(new Me(), "/api/me", AppJson.Default);
    private readonly RouteTester _health = new(new Health(), "/api/health", AppJson.Default);

    [Fact]
    public async Task Me_answers_the_callers_claims_and_scopes_from_an_http_api_jwt_authorizer()
    {
        var res = await _me.SendAsync(new HttpApiEventBuilder().Get("/api/me")
            .WithJwt(new() { ["sub"] = "user-1", ["email"] = "ada@example.com" }, "profile/read"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("""{"sub":"user-1","email":"ada@example.com","scopes":["profile/read"]}""", res.Body);
    }

    [Fact]
    public async Task Me_reads_a_rest_cognito_authorizers_claims_the_same_way()
    {
        var res = await _me.SendAsync(new RestApiEventBuilder().Get("/api/me").WithCognito(new() { ["sub"] = "user-2" }));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("user-2", res.Json()!["sub"]!.GetValue<string>());
    }

    [Fact]
    public async Task Me_without_an_authorizers_identity_is_401_not_an_anonymous_profile()
    {
        var res = await _me.GetAsync("/api/me");

        Assert.Equal(401, res.StatusCode);
        Assert.Equal("sign in first", res.Json()!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_needs_no_identity()
    {
        var res = await _health.GetAsync("/api/health");

        Assert.Equal((200, "ok"), (res.StatusCode, res.Body));
    }
}
