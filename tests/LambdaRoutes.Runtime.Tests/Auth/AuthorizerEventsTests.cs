using System.Text.Json.Nodes;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.Auth;

/// <summary>The test kit's authorizer events reach <c>req.Identity</c> as the genuine ones do (<see cref="CallerIdentityTests"/>).</summary>
public sealed class AuthorizerEventsTests
{
    [Fact]
    public async Task Http_api_jwt()
    {
        var identity = await IdentityOf(new HttpApiEventBuilder().Get("/x").WithJwt(new() { ["sub"] = "u1", ["email"] = "a@b.c" }, "pets/read"));

        Assert.Equal((AuthorizerKind.Jwt, "u1", "a@b.c"), (identity.Kind, identity.Subject, identity.Claim("email")));
        Assert.Equal(["pets/read"], identity.Scopes);
    }

    [Fact]
    public async Task Http_api_lambda_and_iam()
    {
        var lambda = await IdentityOf(new HttpApiEventBuilder().Get("/x").WithLambdaAuthorizer(new() { ["tenant"] = "t1" }));
        var iam = await IdentityOf(new HttpApiEventBuilder().Get("/x").SignedBy("arn:aws:iam::123456789012:user/Admin"));

        Assert.Equal((AuthorizerKind.Lambda, "t1"), (lambda.Kind, lambda.Context["tenant"]));
        Assert.Equal((AuthorizerKind.Iam, "arn:aws:iam::123456789012:user/Admin", "Admin"), (iam.Kind, iam.Iam?.UserArn, iam.Iam?.UserId));
    }

    [Fact]
    public async Task Rest_cognito_lambda_and_iam()
    {
        var cognito = await IdentityOf(new RestApiEventBuilder().Get("/x").WithCognito(new() { ["sub"] = "u2" }, "pets/read", "pets/write"));
        var lambda = await IdentityOf(new RestApiEventBuilder().Get("/x").WithLambdaAuthorizer("partner-7", new() { ["tier"] = "gold" }));
        var iam = await IdentityOf(new RestApiEventBuilder().Get("/x").SignedBy("arn:aws:iam::123456789012:role/Ci"));

        Assert.Equal((AuthorizerKind.Jwt, "u2"), (cognito.Kind, cognito.Subject));
        Assert.Equal(["pets/read", "pets/write"], cognito.Scopes);
        Assert.Equal((AuthorizerKind.Lambda, "partner-7", "gold"), (lambda.Kind, lambda.PrincipalId, lambda.Context["tier"]));
        Assert.False(lambda.Context.ContainsKey("integrationLatency"));
        Assert.Equal((AuthorizerKind.Iam, "Ci"), (iam.Kind, iam.Iam?.CallerId));
    }

    [Fact]
    public async Task Without_one_the_caller_is_anonymous()
    {
        Assert.Equal(AuthorizerKind.None, (await IdentityOf(new HttpApiEventBuilder().Get("/x"))).Kind);
        Assert.Equal(AuthorizerKind.None, (await IdentityOf(new RestApiEventBuilder().Get("/x"))).Kind);
    }

    private static async Task<CallerIdentity> IdentityOf(HttpApiEventBuilder request) => await Run(tester => tester.SendAsync(request));

    private static async Task<CallerIdentity> IdentityOf(RestApiEventBuilder request) => await Run(tester => tester.SendAsync(request));

    private static async Task<CallerIdentity> Run(Func<RouteTester, Task<RouteTestResponse>> send)
    {
        CallerIdentity? seen = null;
        var tester = new RouteTester(new InlineRoute((req, res) => { seen = req.Identity; _ = seen.Kind; res.Json(new JsonObject()); }), "/x");
        var res = await send(tester);
        Assert.True(seen is not null, $"{res.StatusCode} {res.Body}");
        return seen;
    }
}
