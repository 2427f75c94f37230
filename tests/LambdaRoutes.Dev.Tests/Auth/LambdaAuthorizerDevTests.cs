using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using LambdaRoutes.Cdk;
using LambdaRoutes.Dev.Tests.Support;
using LambdaRoutes.Packager.Dev;
using LambdaRoutes.Packager.Dev.Auth;
using LambdaRoutes.Packager.Dev.Hosting;
using LambdaRoutes.Tests;

namespace LambdaRoutes.Dev.Tests.Auth;

/// <summary>
/// <c>lambda-routes dev</c> running an app's own Lambda authorizer (<c>authorizers/partners.cs</c>) before the routes
/// that choose it, over real HTTP, through the real runtime on both sides (<see cref="AuthorizerInvoker"/> for the
/// authorizer, <see cref="RouteInvoker"/> for the route): the authorizer event against AWS's genuine ones
/// (tests/fixtures/authorizer-events), the context reaching <c>req.Identity</c>, and API Gateway's answers for a missing
/// identity, a denial and a failure.
/// </summary>
public sealed class LambdaAuthorizerDevTests
{
    private static readonly DevRoute Partners = new("ApiPartners", "/api/partners", "api/partners.cs", ["/api/partners"], DevRoute.AnyMethod, 5, 128, Authorizer: "partners");

    private static readonly DevRoute Open = new("ApiOpen", "/api/open", "api/open.cs", ["/api/open"], DevRoute.AnyMethod, 5, 128);

    private static readonly DevRoute Authorizer = new("AuthorizerPartners", "partners", "authorizers/partners.cs", [], [], 5, 128, IsAuthorizer: true);

    [Fact]
    public async Task Http_api_allow_gives_the_route_the_context_under_authorizer_lambda_and_the_authorizer_the_genuine_event_shape()
    {
        var run = await SendAsync(ApiKind.Http, "let-me-in");

        Assert.Equal(HttpStatusCode.OK, run.Response.StatusCode);
        var body = JsonNode.Parse(run.Body)!;
        Assert.Equal(("Lambda", "gold", null), ((string?)body["kind"], (string?)body["tier"], (string?)body["principal"]));

        var authorizerEvent = JsonNode.Parse(Assert.Single(run.Host.AuthorizerEvents))!.AsObject();
        var genuine = JsonNode.Parse(Fixtures.AuthorizerEvent("go--apigw-v2-custom-authorizer-v2-request.json"))!.AsObject();
        // Same fields, bar those the genuine request had and ours lacks (no cookies, path parameters or stage variables).
        Assert.Equal(Keys(genuine).Except(["cookies", "pathParameters", "stageVariables", "queryStringParameters"]), Keys(authorizerEvent));
        Assert.Equal(["let-me-in"], authorizerEvent["identitySource"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:localdevapi/$default/GET/api/partners", (string?)authorizerEvent["routeArn"]);

        var genuineRoute = JsonNode.Parse(Fixtures.CorpusEvent("go--apigw-v2-request-lambda-authorizer.json"))!["requestContext"]!["authorizer"]!;
        var ours = JsonNode.Parse(Assert.Single(run.Host.RouteEvents))!["requestContext"]!["authorizer"]!;
        Assert.Equal(Keys(genuineRoute.AsObject()), Keys(ours.AsObject()));
        Assert.Equal("gold", (string?)ours["lambda"]!["tier"]);
    }

    [Fact]
    public async Task Rest_allow_flattens_the_context_beside_the_principal_and_the_authorizer_gets_a_genuine_request_event()
    {
        var run = await SendAsync(ApiKind.Rest, "let-me-in");

        Assert.Equal(HttpStatusCode.OK, run.Response.StatusCode);
        var body = JsonNode.Parse(run.Body)!;
        Assert.Equal(("Lambda", "gold", "partner-1"), ((string?)body["kind"], (string?)body["tier"], (string?)body["principal"]));
        var authorizerEvent = JsonNode.Parse(Assert.Single(run.Host.AuthorizerEvents))!.AsObject();
        var genuine = JsonNode.Parse(Fixtures.AuthorizerEvent("go--apigw-custom-auth-request-type-request.json"))!.AsObject();
        Assert.Equal(Keys(genuine), Keys(authorizerEvent));
        var routeAuthorizer = JsonNode.Parse(Assert.Single(run.Host.RouteEvents))!["requestContext"]!["authorizer"]!;
        Assert.Equal(("partner-1", "gold"), ((string?)routeAuthorizer["principalId"], (string?)routeAuthorizer["tier"]));
    }

    [Fact]
    public async Task A_rest_token_authorizer_gets_only_the_token_and_the_method_arn_as_in_the_genuine_event()
    {
        var run = await SendAsync(ApiKind.Rest, "let-me-in", new LambdaAuthorizerOptions(RestToken: true));

        Assert.Equal(HttpStatusCode.OK, run.Response.StatusCode);
        var authorizerEvent = JsonNode.Parse(Assert.Single(run.Host.AuthorizerEvents))!.AsObject();
        var genuine = JsonNode.Parse(Fixtures.AuthorizerEvent("go--apigw-custom-auth-request.json"))!.AsObject();
        Assert.Equal(Keys(genuine), Keys(authorizerEvent));
        Assert.Equal(("TOKEN", "let-me-in"), ((string?)authorizerEvent["type"], (string?)authorizerEvent["authorizationToken"]));
    }

    [Theory]
    [InlineData(ApiKind.Http, """{"message":"Forbidden"}""")]
    [InlineData(ApiKind.Rest, """{"Message":"User is not authorized to access this resource with an explicit deny"}""")]
    public async Task A_denial_is_403_with_api_gateways_message_and_the_route_does_not_run(ApiKind flavor, string message)
    {
        var run = await SendAsync(flavor, "wrong-key");

        Assert.Equal((HttpStatusCode.Forbidden, message), (run.Response.StatusCode, run.Body));
        Assert.Single(run.Host.AuthorizerEvents);
        Assert.Empty(run.Host.RouteEvents);
        Assert.Contains(run.Log.Lines, l => l.Contains("ApiPartners 403", StringComparison.Ordinal) && l.Contains("authorizer partners denied", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ApiKind.Http)]
    [InlineData(ApiKind.Rest)]
    public async Task A_missing_identity_source_is_401_without_calling_the_authorizer(ApiKind flavor)
    {
        var run = await SendAsync(flavor, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, run.Response.StatusCode);
        Assert.Contains("\"Unauthorized\"", run.Body, StringComparison.Ordinal);
        Assert.Empty(run.Host.AuthorizerEvents);
        Assert.Empty(run.Host.RouteEvents);
    }

    [Theory]
    [InlineData(ApiKind.Http, """{"message":"Internal Server Error"}""")]
    [InlineData(ApiKind.Rest, """{"message": null}""")]
    public async Task An_authorizer_that_throws_is_500_as_api_gateway_answers_and_the_route_does_not_run(ApiKind flavor, string message)
    {
        var run = await SendAsync(flavor, "explode");

        Assert.Equal((HttpStatusCode.InternalServerError, message), (run.Response.StatusCode, run.Body));
        Assert.Empty(run.Host.RouteEvents);
    }

    [Fact]
    public async Task The_default_authorizer_without_the_jwt_options_runs_the_app_authorizer_for_routes_that_choose_none()
    {
        var host = new AuthorizingHost();
        var log = new LogWriter();
        await using var server = await DevServer.StartAsync(new DevOptions(".", Port: 0, Watch: false, DefaultAuthorizer: "partners"), host, log.WriteLine);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var anonymous = await client.GetAsync("/api/open");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/open");
        request.Headers.TryAddWithoutValidation("Authorization", "let-me-in");
        using var allowed = await client.SendAsync(request);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (anonymous.StatusCode, allowed.StatusCode));
        Assert.Equal("gold", (string?)JsonNode.Parse(await allowed.Content.ReadAsStringAsync())!["tier"]);
    }

    [Theory]
    [InlineData(300, 1)]
    [InlineData(0, 3)]
    public async Task A_decision_is_cached_per_identity_for_the_ttl(int ttl, int calls)
    {
        var host = new AuthorizingHost();
        var log = new LogWriter();
        await using var server = await DevServer.StartAsync(
            new DevOptions(".", Port: 0, Flavor: ApiKind.Http, Watch: false, LambdaAuthorizers: new LambdaAuthorizerOptions(CacheTtlSeconds: ttl)), host, log.WriteLine);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await SendAsync(client, "let-me-in")).StatusCode);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(calls, host.AuthorizerEvents.Count);
        Assert.Equal(3, host.RouteEvents.Count);
    }

    private static async Task<(HttpResponseMessage Response, string Body, AuthorizingHost Host, LogWriter Log)> SendAsync(
        ApiKind flavor, string? token, LambdaAuthorizerOptions? options = null)
    {
        var host = new AuthorizingHost();
        var log = new LogWriter();
        await using var server = await DevServer.StartAsync(new DevOptions(".", Port: 0, Flavor: flavor, Watch: false, LambdaAuthorizers: options), host, log.WriteLine);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var response = await SendAsync(client, token);
        return (response, await response.Content.ReadAsStringAsync(), host, log);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/partners");
        if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", token);
        return client.SendAsync(request);
    }

    private static string[] Keys(JsonObject node) => node.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Runs the authorizer through <see cref="AuthorizerInvoker"/> and the route through <see cref="RouteInvoker"/>, as the in-process host does.</summary>
    private sealed class AuthorizingHost : IRouteHost
    {
        public List<byte[]> AuthorizerEvents { get; } = [];

        public List<byte[]> RouteEvents { get; } = [];

        public string Mode => "authorizing";

        public DevRouteSet Routes { get; } = new([Partners, Open, Authorizer]);

        public async Task<RouteRun> InvokeAsync(DevRoute route, byte[] eventJson)
        {
            var context = new LambdaRoutes.Testing.TestLambdaContext();
            try
            {
                if (route.IsAuthorizer)
                {
                    AuthorizerEvents.Add(eventJson);
                    return new RouteRun(RunOutcome.Success, await new AuthorizerInvoker(new PartnerKeys()).InvokeAsync(eventJson, context), Cold: false, "#1");
                }

                RouteEvents.Add(eventJson);
                return new RouteRun(RunOutcome.Success, await new RouteInvoker(new EchoIdentity(), new RouteOptions { Route = route.Route }).InvokeAsync(eventJson, context), Cold: false, "#1");
            }
            catch (Exception ex)
            {
                return new RouteRun(RunOutcome.FunctionError, [], Cold: false, "#1", ex.GetType().Name);
            }
        }

        public Task<RouteRun> StreamAsync(DevRoute route, byte[] eventJson, Func<ReadOnlyMemory<byte>, Task> write) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>The authorizer an app would write: one key lets partners in, another throws like a broken key store.</summary>
    private sealed class PartnerKeys : ILambdaAuthorizer
    {
        // A REST REQUEST event has no token field: the key is in the Authorization header it carries.
        public Task<AuthorizerDecision> AuthorizeAsync(AuthorizerRequest request) => (request.Token ?? request.Headers["authorization"]) switch
        {
            "let-me-in" => Task.FromResult(AuthorizerDecision.Allow("partner-1", new Dictionary<string, string> { ["tier"] = "gold" })),
            "explode" => throw new InvalidOperationException("key store down"),
            _ => Task.FromResult(AuthorizerDecision.Deny("anonymous")),
        };
    }

    private sealed class EchoIdentity : IApiRoute
    {
        public Task HandleAsync(ApiRequest req, ApiResponse res)
        {
            res.Json(new JsonObject
            {
                ["kind"] = req.Identity.Kind.ToString(),
                ["tier"] = req.Identity.Context.TryGetValue("tier", out var tier) ? tier : null,
                ["principal"] = req.Identity.PrincipalId,
            });
            return Task.CompletedTask;
        }
    }
}
