using LambdaRoutes.Cdk;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaRoutes.Dev.Tests.Support;
using LambdaRoutes.Packager.Dev;
using LambdaRoutes.Packager.Dev.Auth;
using LambdaRoutes.Local.Gateway;
using LambdaRoutes.Packager.Dev.Hosting;
using LambdaRoutes.Tests;

namespace LambdaRoutes.Dev.Tests.Auth;

/// <summary>
/// <c>lambda-routes dev --jwks</c> in front of real runtime invokers: every authorizer outcome over real HTTP, with API
/// Gateway's answers, and the claims reaching <c>req.Identity</c> through the event the route gets.
/// </summary>
public sealed class DevAuthorizerTests : IDisposable
{
    private readonly TokenIssuer _issuer = new();

    private static readonly DevRoute Guarded = new("ApiPets", "/api/pets", "api/pets.cs", ["/api/pets"], DevRoute.AnyMethod, 5, 128,
        Authorizer: "users", AuthorizationScopes: ["pets/read", "pets/admin"]);

    private static readonly DevRoute ByDefault = new("ApiMe", "/api/me", "api/me.cs", ["/api/me"], DevRoute.AnyMethod, 5, 128);

    private static readonly DevRoute Health = new("ApiHealth", "/api/health", "api/health.cs", ["/api/health"], DevRoute.AnyMethod, 5, 128, Authorizer: "none");

    [Fact]
    public async Task A_valid_token_reaches_the_route_with_its_claims_and_scopes_in_the_genuine_shape()
    {
        var (response, body, events, _) = await SendAsync("/api/pets", _issuer.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Jwt", (string?)body["kind"]);
        Assert.Equal("user-1", (string?)body["sub"]);
        Assert.Equal("[admin dev]", (string?)body["groups"]);   // API Gateway passes arrays as "[a b]"
        Assert.Equal(["pets/read"], body["scopes"]!.AsArray().Select(s => (string?)s));

        // Same place and kinds as AWS's own JWT authorizer event.
        var genuine = JsonNode.Parse(Fixtures.CorpusEvent("go--apigw-v2-request-jwt-authorizer.json"))!["requestContext"]!["authorizer"]!;
        var ours = JsonNode.Parse(Assert.Single(events))!["requestContext"]!["authorizer"]!;
        Assert.Equal(Keys(genuine), Keys(ours));
        Assert.Equal(Keys(genuine["jwt"]!), Keys(ours["jwt"]!));
        Assert.All(ours["jwt"]!["claims"]!.AsObject(), c => Assert.Equal(JsonValueKind.String, c.Value!.GetValueKind()));
    }

    /// <summary>
    /// An HTTP API's JWT authorizer says why in a <c>www-authenticate</c> challenge; the wrong-audience one is AWS's own
    /// example, verbatim (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-jwt.html).
    /// </summary>
    [Theory]
    [InlineData("wrong audience", "the token does not have a valid audience")]
    [InlineData("expired", "the token has expired")]
    [InlineData("wrong issuer", "the token does not have a valid issuer")]
    [InlineData("other key", "the token signature is invalid")]
    [InlineData("not a jwt", "the token is not a valid JWT")]
    public async Task On_an_http_api_a_refused_token_is_401_Unauthorized_with_a_bearer_challenge_that_says_why(string problem, string description)
    {
        var (response, raw, events, log) = await SendRawAsync(ApiKind.Http, "/api/pets", TokenWith(problem));

        Assert.Equal((HttpStatusCode.Unauthorized, """{"message":"Unauthorized"}"""), (response.StatusCode, raw));
        Assert.Equal($"Bearer scope=\"\" error=\"invalid_token\" error_description=\"{description}\"", Challenge(response));
        Assert.Empty(events);
        Assert.Contains(log.Lines, l => l.Contains("ApiPets 401", StringComparison.Ordinal) && l.Contains("token refused", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("wrong audience")]
    [InlineData("wrong issuer")]
    [InlineData("other key")]
    [InlineData("not a jwt")]
    public async Task On_rest_a_refused_token_is_401_Unauthorized_without_a_challenge(string problem)
    {
        var (response, raw, events, log) = await SendRawAsync(ApiKind.Rest, "/api/pets", TokenWith(problem));

        Assert.Equal((HttpStatusCode.Unauthorized, Unauthorized(ApiKind.Rest)), (response.StatusCode, raw));
        Assert.Null(Challenge(response));
        Assert.Empty(events);
        Assert.Contains(log.Lines, l => l.Contains("ApiPets 401", StringComparison.Ordinal) && l.Contains("token refused", StringComparison.Ordinal));
    }

    /// <summary>A Cognito user-pool authorizer's answer to an expired token, the one clients refresh on (aws-amplify/amplify-js#6060).</summary>
    [Fact]
    public async Task On_rest_an_expired_token_is_401_The_incoming_token_has_expired()
    {
        var (response, raw, events, log) = await SendRawAsync(ApiKind.Rest, "/api/pets", TokenWith("expired"));

        Assert.Equal((HttpStatusCode.Unauthorized, """{"message": "The incoming token has expired"}"""), (response.StatusCode, raw));
        Assert.Empty(events);
        Assert.Contains(log.Lines, l => l.Contains("token refused: expired", StringComparison.Ordinal));
    }

    private string TokenWith(string problem)
    {
        using var otherKey = RSA.Create(2048);
        return problem switch
        {
            "expired" => _issuer.Token(c => c["exp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 10),
            "wrong audience" => _issuer.Token(c => c["aud"] = "someone-else"),
            "wrong issuer" => _issuer.Token(c => c["iss"] = "https://evil.example.com"),
            "other key" => _issuer.Token(signer: otherKey),
            "not a jwt" => "abc.def",
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
        };
    }

    /// <summary>The <c>www-authenticate</c> header as sent (unparsed), or null.</summary>
    private static string? Challenge(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("www-authenticate", out var values) ? string.Join(", ", values) : null;

    [Theory]
    [InlineData(ApiKind.Http)]
    [InlineData(ApiKind.Rest)]
    public async Task No_token_is_401_Unauthorized(ApiKind flavor)
    {
        var (response, raw, events, _) = await SendRawAsync(flavor, "/api/pets", token: null);

        Assert.Equal((HttpStatusCode.Unauthorized, Unauthorized(flavor)), (response.StatusCode, raw));
        Assert.Empty(events);
    }

    /// <summary>API Gateway's 401 body: an HTTP API writes it without a space after the colon, a REST API with one.</summary>
    private static string Unauthorized(ApiKind flavor) =>
        flavor == ApiKind.Http ? """{"message":"Unauthorized"}""" : """{"message": "Unauthorized"}""";

    [Fact]
    public async Task A_valid_token_without_the_routes_scopes_is_403_Forbidden_on_an_http_api_and_401_on_rest()
    {
        var token = _issuer.Token(c => c["scope"] = "pets/write");

        var (http, httpBody, httpEvents, _) = await SendRawAsync(ApiKind.Http, "/api/pets", token);
        var (rest, restBody, restEvents, _) = await SendRawAsync(ApiKind.Rest, "/api/pets", token);

        Assert.Equal((HttpStatusCode.Forbidden, """{"message":"Forbidden"}"""), (http.StatusCode, httpBody));
        Assert.Equal((HttpStatusCode.Unauthorized, Unauthorized(ApiKind.Rest)), (rest.StatusCode, restBody));
        Assert.Empty(httpEvents.Concat(restEvents));
    }

    [Fact]
    public async Task On_rest_the_claims_are_where_a_cognito_authorizer_puts_them_in_the_genuine_shape()
    {
        var (response, body, events, _) = await SendAsync("/api/pets", _issuer.Token(), ApiKind.Rest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("Jwt", "user-1"), ((string?)body["kind"], (string?)body["sub"]));

        // AWS's own REST event behind a Cognito user-pool authorizer (a UTF-8 file with a BOM): every claim a string under
        // requestContext.authorizer.claims.
        var genuineText = System.Text.Encoding.UTF8.GetString(Fixtures.CorpusEvent("dotnet--authtest-access-request.json")).TrimStart('\uFEFF');
        var genuine = JsonNode.Parse(genuineText)!["requestContext"]!["authorizer"]!;
        var ours = JsonNode.Parse(Assert.Single(events))!["requestContext"]!["authorizer"]!;
        Assert.Subset(Keys(ours).ToHashSet(), Keys(genuine).ToHashSet());
        Assert.All(genuine["claims"]!.AsObject(), c => Assert.Equal(JsonValueKind.String, c.Value!.GetValueKind()));
        Assert.All(ours["claims"]!.AsObject(), c => Assert.Equal(JsonValueKind.String, c.Value!.GetValueKind()));
    }

    [Fact]
    public async Task The_default_authorizer_guards_routes_that_choose_none_and_none_opts_out()
    {
        var guardedByDefault = await SendRawAsync(ApiKind.Http, "/api/me", token: null, defaultAuthorizer: "users");
        var publicWithoutDefault = await SendRawAsync(ApiKind.Http, "/api/me", token: null);
        var health = await SendRawAsync(ApiKind.Http, "/api/health", token: null, defaultAuthorizer: "users");

        Assert.Equal(HttpStatusCode.Unauthorized, guardedByDefault.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, publicWithoutDefault.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.Response.StatusCode);
        Assert.Equal("None", (string?)JsonNode.Parse(health.Body)!["kind"]);
    }

    [Fact]
    public async Task Without_verification_any_signer_gets_in_but_claims_are_still_checked_and_a_warning_is_printed()
    {
        using var otherKey = RSA.Create(2048);
        var options = new DevAuthOptions(null, TokenIssuer.Issuer, [TokenIssuer.Audience], NoVerify: true, DefaultAuthorizer: null);

        var signedElsewhere = await SendRawAsync(ApiKind.Http, "/api/pets", _issuer.Token(signer: otherKey), auth: options);
        var expired = await SendRawAsync(ApiKind.Http, "/api/pets", _issuer.Token(c => c["exp"] = 1), auth: options);

        Assert.Equal(HttpStatusCode.OK, signedElsewhere.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Response.StatusCode);
        Assert.Contains(signedElsewhere.Log.Lines, l => l.StartsWith("WARNING: --jwt-no-verify", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_jwks_url_is_fetched_over_http_and_its_keys_check_the_tokens()
    {
        await using var endpoint = new JwksEndpoint(_issuer.JwksPath);
        using var otherKey = RSA.Create(2048);
        var options = new DevAuthOptions(endpoint.Url, TokenIssuer.Issuer, [TokenIssuer.Audience], NoVerify: false, DefaultAuthorizer: null);

        var valid = await SendRawAsync(ApiKind.Http, "/api/pets", _issuer.Token(), auth: options);
        var signedElsewhere = await SendRawAsync(ApiKind.Http, "/api/pets", _issuer.Token(signer: otherKey), auth: options);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (valid.Response.StatusCode, signedElsewhere.Response.StatusCode));
        Assert.Equal("user-1", (string?)JsonNode.Parse(valid.Body)!["sub"]);
        Assert.All(endpoint.RequestLines, line => Assert.Equal($"GET {JwksEndpoint.Path} HTTP/1.1", line));
        Assert.Equal(2, endpoint.RequestLines.Count);   // read once per dev server start, not per request
    }

    [Fact]
    public async Task A_jwks_that_cannot_be_used_is_refused_with_the_reason_before_anything_is_served()
    {
        var notJwks = Path.Combine(Path.GetDirectoryName(_issuer.JwksPath)!, "not.json");
        await File.WriteAllTextAsync(notJwks, """{"kty":"RSA"}""");
        var log = new LogWriter();

        var missing = await DevAuthorizer.CreateAsync(new DevAuthOptions("/nonexistent/jwks.json", null, [], false, null), log.WriteLine);
        var wrong = await DevAuthorizer.CreateAsync(new DevAuthOptions(notJwks, null, [], false, null), log.WriteLine);

        Assert.Null(missing);
        Assert.Null(wrong);
        Assert.Contains(log.Lines, l => l.StartsWith("error: --jwks /nonexistent/jwks.json:", StringComparison.Ordinal));
        Assert.Contains(log.Lines, l => l.Contains("not a JSON Web Key Set", StringComparison.Ordinal));
    }

    private async Task<(HttpResponseMessage Response, JsonNode Body, List<byte[]> Events, LogWriter Log)> SendAsync(
        string path, string token, ApiKind flavor = ApiKind.Http)
    {
        var (response, raw, events, log) = await SendRawAsync(flavor, path, token);
        return (response, JsonNode.Parse(raw)!, events, log);
    }

    private async Task<(HttpResponseMessage Response, string Body, List<byte[]> Events, LogWriter Log)> SendRawAsync(
        ApiKind flavor, string path, string? token, string? defaultAuthorizer = null, DevAuthOptions? auth = null)
    {
        auth ??= new DevAuthOptions(_issuer.JwksPath, TokenIssuer.Issuer, [TokenIssuer.Audience], NoVerify: false, defaultAuthorizer);
        var log = new LogWriter();
        var authorizer = await DevAuthorizer.CreateAsync(auth, log.WriteLine);
        var host = new IdentityEchoHost();
        await using var server = await DevServer.StartAsync(new DevOptions(".", Port: 0, Flavor: flavor, Watch: false), host, log.WriteLine, authorizer: authorizer);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync(), host.Events, log);
    }

    private static string[] Keys(JsonNode node) => node.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

    public void Dispose() => _issuer.Dispose();

    /// <summary>Runs each event through the real runtime (<see cref="RouteInvoker"/>) into a route that answers with <c>req.Identity</c>.</summary>
    private sealed class IdentityEchoHost : IRouteHost
    {
        public List<byte[]> Events { get; } = [];

        public string Mode => "identity-echo";

        public DevRouteSet Routes { get; } = new([Guarded, ByDefault, Health]);

        public async Task<RouteRun> InvokeAsync(DevRoute route, byte[] eventJson)
        {
            Events.Add(eventJson);
            var invoker = new RouteInvoker(new EchoIdentity(), new RouteOptions { Route = route.Route });
            var payload = await invoker.InvokeAsync(eventJson, new LambdaRoutes.Testing.TestLambdaContext());
            return new RouteRun(RunOutcome.Success, payload, Cold: false, "#1");
        }

        public Task<RouteRun> StreamAsync(DevRoute route, byte[] eventJson, Func<ReadOnlyMemory<byte>, Task> write) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class EchoIdentity : IApiRoute
    {
        public Task HandleAsync(ApiRequest req, ApiResponse res)
        {
            var identity = req.Identity;
            res.Json(new JsonObject
            {
                ["kind"] = identity.Kind.ToString(),
                ["sub"] = identity.Subject,
                ["groups"] = identity.Claim("cognito:groups"),
                ["scopes"] = new JsonArray(identity.Scopes.Select(s => (JsonNode?)s).ToArray()),
            });
            return Task.CompletedTask;
        }
    }
}
