using System.Text;
using System.Text.Json.Nodes;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.Auth;

/// <summary>
/// <see cref="ApiRequest.Identity"/> from the genuine authorizer events of tests/fixtures/events-corpus (SOURCES.md
/// says where each came from), expected values read from each event's own JSON.
/// </summary>
public sealed class CallerIdentityTests
{
    [Fact]
    public async Task Function_url_with_iam_auth_gives_the_signer()
    {
        var (identity, authorizer) = await IdentityOf("go--lambda-urls-request.json");

        Assert.Equal(AuthorizerKind.Iam, identity.Kind);
        Assert.Equal((string?)authorizer!["iam"]!["userArn"], identity.Iam?.UserArn);
    }

    [Fact]
    public async Task Http_api_jwt_authorizer_without_route_scopes_gives_claims_and_no_scopes()
    {
        var (identity, authorizer) = await IdentityOf("dotnet--authtest-noaccess-request-httpapi-v2.json");

        Assert.Equal(AuthorizerKind.Jwt, identity.Kind);
        Assert.Equal(Strings(authorizer!["jwt"]!["claims"]!.AsObject()), identity.Claims);
        Assert.Empty(identity.Scopes);
    }

    [Fact]
    public async Task Http_api_jwt_authorizer_gives_claims_and_scopes()
    {
        var (identity, authorizer) = await IdentityOf("go--apigw-v2-request-jwt-authorizer.json");
        var jwt = authorizer!["jwt"]!;

        Assert.Equal(AuthorizerKind.Jwt, identity.Kind);
        Assert.True(identity.IsAuthenticated);
        Assert.Equal(Strings(jwt["claims"]!.AsObject()), identity.Claims);
        Assert.Equal(jwt["scopes"]!.AsArray().Select(s => (string)s!), identity.Scopes);
        Assert.True(identity.HasScope((string)jwt["scopes"]![0]!));
        Assert.False(identity.HasScope("not-" + (string)jwt["scopes"]![0]!));
        Assert.Empty(identity.Context);
        Assert.Null(identity.Iam);
    }

    [Theory]
    [InlineData("go--apigw-v2-request-lambda-authorizer.json")]
    [InlineData("dotnet--http-api-v2-request-lambda-authorizer.json")]
    public async Task Http_api_lambda_authorizer_gives_its_context(string file)
    {
        var (identity, authorizer) = await IdentityOf(file);

        Assert.Equal(AuthorizerKind.Lambda, identity.Kind);
        Assert.Equal(Strings(authorizer!["lambda"]!.AsObject()), identity.Context);
        Assert.Empty(identity.Claims);
        Assert.Null(identity.PrincipalId);
    }

    [Theory]
    [InlineData("go--apigw-v2-request-iam.json")]
    [InlineData("dotnet--http-api-v2-request-iam-authorizer.json")]
    public async Task Http_api_iam_authorizer_gives_the_signer(string file)
    {
        var (identity, authorizer) = await IdentityOf(file);
        var iam = authorizer!["iam"]!;

        Assert.Equal(AuthorizerKind.Iam, identity.Kind);
        Assert.NotNull(identity.Iam);
        Assert.Equal((string?)iam["accessKey"], identity.Iam.AccessKey);
        Assert.Equal((string?)iam["accountId"], identity.Iam.AccountId);
        Assert.Equal((string?)iam["callerId"], identity.Iam.CallerId);
        Assert.Equal((string?)iam["userArn"], identity.Iam.UserArn);
        Assert.Equal((string?)iam["userId"], identity.Iam.UserId);
        Assert.Equal((string?)iam["principalOrgId"], identity.Iam.PrincipalOrgId);
        Assert.Equal((string?)iam["cognitoIdentity"]!["identityId"], identity.Iam.CognitoIdentityId);
        Assert.Equal((string?)iam["cognitoIdentity"]!["identityPoolId"], identity.Iam.CognitoIdentityPoolId);
    }

    [Fact]
    public async Task Rest_lambda_authorizer_gives_principal_and_flattened_context()
    {
        var (identity, authorizer) = await IdentityOf("go--apigw-request.json");

        Assert.Equal(AuthorizerKind.Lambda, identity.Kind);
        Assert.Equal((string?)authorizer!["principalId"], identity.PrincipalId);
        var context = Strings(authorizer);
        context.Remove("principalId");
        Assert.Equal(context, identity.Context);
        Assert.Equal("1", identity.Context["clientId"]); // a number keeps its JSON text
    }

    [Fact]
    public async Task Rest_cognito_authorizer_gives_claims()
    {
        var (identity, authorizer) = await IdentityOf("dotnet--values-get-customauthorizer-apigateway-request.json");

        Assert.Equal(AuthorizerKind.Jwt, identity.Kind);
        Assert.Equal(Strings(authorizer!["claims"]!.AsObject()), identity.Claims);
        Assert.Equal((string?)authorizer["claims"]!["sub"], identity.Subject);
        Assert.Equal("true", identity.Context["boolKey"]);
    }

    [Fact]
    public async Task Rest_identity_of_a_signed_request_is_the_iam_signer()
    {
        var (identity, _) = await IdentityOf("go--apigw-request.json");
        var json = Event("go--apigw-request.json")["requestContext"]!["identity"]!;

        Assert.NotNull(identity.Iam);
        Assert.Equal((string?)json["accessKey"], identity.Iam.AccessKey);
        Assert.Equal((string?)json["caller"], identity.Iam.CallerId);
        Assert.Equal((string?)json["user"], identity.Iam.UserId);
        Assert.Equal((string?)json["cognitoIdentityId"], identity.Iam.CognitoIdentityId);
    }

    [Theory]
    [InlineData("go--apigw-v2-request-no-authorizer.json")]
    [InlineData("dotnet--aws-proxy.json")]
    [InlineData("go--function-url-domain-only-get-request.json")]
    public async Task Without_an_authorizer_the_caller_is_anonymous(string file)
    {
        var (identity, _) = await IdentityOf(file);

        Assert.Equal(AuthorizerKind.None, identity.Kind);
        Assert.False(identity.IsAuthenticated);
        Assert.Empty(identity.Claims);
        Assert.Empty(identity.Scopes);
    }

    [Fact]
    public async Task Rest_identity_without_a_signer_is_not_iam()
    {
        // Every REST event carries requestContext.identity (sourceIp, userAgent); only a signer makes it IAM.
        var (identity, _) = await IdentityOf("dotnet--authtest-access-request-custom-lambda-authorizer-output.json");

        Assert.Null(identity.Iam);
        Assert.Equal(AuthorizerKind.Lambda, identity.Kind);
    }

    [Theory]
    [InlineData("""{"jwt": 5}""")]
    [InlineData("""{"jwt": {"claims": [1], "scopes": {"a": 1}}}""")]
    [InlineData("""{"claims": "x", "iam": null, "lambda": []}""")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public async Task Authorizer_fields_of_the_wrong_type_are_left_out_not_a_500(string authorizer)
    {
        var json = Encoding.UTF8.GetString(new HttpApiEventBuilder().Get("/x").ToJson());
        json = json.Replace("\"requestContext\":{", "\"requestContext\":{\"authorizer\":" + authorizer + ",", StringComparison.Ordinal);
        CallerIdentity? seen = null;
        var res = await new RouteTester(new InlineRoute((req, r) => { seen = req.Identity; _ = seen.Kind; r.Send("ok"); }), "/x")
            .SendAsync(Encoding.UTF8.GetBytes(json));

        Assert.Equal(200, res.StatusCode);
        Assert.NotNull(seen);
        Assert.Empty(seen.Claims);
        Assert.Empty(seen.Scopes);
    }

    [Fact]
    public void The_scope_claim_gives_scopes_when_the_event_has_no_scope_list()
    {
        // REST Cognito access tokens: scopes only in the space-separated scope claim.
        var identity = CallerIdentity.From("""{"claims": {"sub": "u1", "scope": "pets/read  pets/write"}}"""u8.ToArray(), default);

        Assert.Equal(["pets/read", "pets/write"], identity.Scopes);
    }

    private static async Task<(CallerIdentity Identity, JsonObject? Authorizer)> IdentityOf(string file)
    {
        CallerIdentity? seen = null;
        var route = new InlineRoute((req, res) => { seen = req.Identity; _ = seen.Kind; res.Send("ok"); });
        var res = await new RouteTester(route, "/[[...path]]").SendAsync(Fixtures.CorpusEvent(file));
        Assert.True(seen is not null, $"{file}: {res.StatusCode} {res.Body}");
        return (seen, Event(file)["requestContext"]!["authorizer"] as JsonObject);
    }

    private static JsonNode Event(string file)
    {
        ReadOnlySpan<byte> bytes = Fixtures.CorpusEvent(file);
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        return JsonNode.Parse(bytes)!;
    }

    /// <summary>An object's members as strings: string values as they are, others as JSON text.</summary>
    private static Dictionary<string, string> Strings(JsonObject obj) =>
        obj.ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? "");
}
