using System.Text.Json.Nodes;
using LambdaRoutes.Runtime.Tests.Bootstrap;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;
using LambdaRoutes.Tests;

namespace LambdaRoutes.Runtime.Tests.Authorizers;

/// <summary>
/// An <see cref="ILambdaAuthorizer"/> on API Gateway's genuine authorizer events (tests/fixtures/authorizer-events):
/// what it is given, and its decision in the wire format each event asks for
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html,
/// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html).
/// </summary>
public sealed class AuthorizerInvokerTests
{
    private sealed class Recording(Func<AuthorizerRequest, AuthorizerDecision> decide) : ILambdaAuthorizer
    {
        public AuthorizerRequest? Seen { get; private set; }

        public Task<AuthorizerDecision> AuthorizeAsync(AuthorizerRequest request)
        {
            Seen = request;
            return Task.FromResult(decide(request));
        }
    }

    private static async Task<(JsonObject Answer, AuthorizerRequest Seen)> RunAsync(string fixture, Func<AuthorizerRequest, AuthorizerDecision> decide)
    {
        var authorizer = new Recording(decide);
        var payload = await new AuthorizerInvoker(authorizer).InvokeAsync(Fixtures.AuthorizerEvent(fixture), new TestLambdaContext());
        return (JsonNode.Parse(payload)!.AsObject(), authorizer.Seen!);
    }

    [Fact]
    public async Task An_http_api_payload_2_event_is_read_and_answered_with_a_simple_response()
    {
        var (answer, seen) = await RunAsync("go--apigw-v2-custom-authorizer-v2-request.json",
            _ => AuthorizerDecision.Allow("user1", new Dictionary<string, string> { ["tier"] = "gold" }));

        Assert.Equal(AuthorizerEventKind.HttpApiRequest, seen.Kind);
        Assert.Equal(("POST", "/my/path"), (seen.Method, seen.Path));
        Assert.Equal(["user1", "123"], seen.IdentitySource);
        Assert.Equal("user1", seen.Token);
        Assert.Equal("value1", seen.Headers["header1"]);
        Assert.Equal("value", seen.Query["parameter2"]);
        Assert.Equal("value1", seen.PathParameters["parameter1"]);
        Assert.Equal("value2", seen.StageVariables["stageVariable2"]);
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request", seen.Arn);
        Assert.Equal("""{"isAuthorized":true,"context":{"tier":"gold"}}""", answer.ToJsonString());
    }

    [Fact]
    public async Task A_denial_on_an_http_api_is_isAuthorized_false()
    {
        var (answer, _) = await RunAsync("go--apigw-v2-custom-authorizer-v2-request.json", _ => AuthorizerDecision.Deny());

        Assert.Equal("""{"isAuthorized":false,"context":{}}""", answer.ToJsonString());
    }

    [Fact]
    public async Task A_rest_token_event_gives_the_token_and_the_method_from_its_arn_and_gets_an_iam_policy_for_the_stage()
    {
        var (answer, seen) = await RunAsync("go--apigw-custom-auth-request.json",
            r => r.Token == "allow" ? AuthorizerDecision.Allow("yyyyyyyy", new Dictionary<string, string> { ["stringKey"] = "value" }) : AuthorizerDecision.Deny());

        Assert.Equal((AuthorizerEventKind.RestToken, "allow", "GET", "/"), (seen.Kind, seen.Token, seen.Method, seen.Path));
        Assert.Equal(0, seen.Headers.Count);
        Assert.Equal("yyyyyyyy", (string?)answer["principalId"]);
        var statement = Assert.Single(answer["policyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal("2012-10-17", (string?)answer["policyDocument"]!["Version"]);
        Assert.Equal(("execute-api:Invoke", "Allow"), ((string?)statement["Action"], (string?)statement["Effect"]));
        Assert.Equal("arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/*/*", (string?)statement["Resource"]);
        Assert.Equal("value", (string?)answer["context"]!["stringKey"]);
    }

    [Fact]
    public async Task A_rest_request_event_gives_multi_value_headers_and_query_and_a_deny_is_an_explicit_deny_policy()
    {
        var (answer, seen) = await RunAsync("go--apigw-custom-auth-request-type-request.json",
            r => r.Headers["headerauth1"] == "headerValue1" ? AuthorizerDecision.Deny("someone") : AuthorizerDecision.Allow("x"));

        Assert.Equal((AuthorizerEventKind.RestRequest, "GET", "/request"), (seen.Kind, seen.Method, seen.Path));
        Assert.Null(seen.Token);
        Assert.Equal("queryValue1", seen.Query["QueryString1"]);
        Assert.Equal("stageValue1", seen.StageVariables["StageVar1"]);
        Assert.Equal("someone", (string?)answer["principalId"]);
        var statement = answer["policyDocument"]!["Statement"]![0]!;
        Assert.Equal(("Deny", "arn:aws:execute-api:us-east-1:123456789012:s4x3opwd6i/test/*"), ((string?)statement["Effect"], (string?)statement["Resource"]));
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"type":"OTHER"}""", "\"type\" is \"OTHER\"")]
    [InlineData("""{"version":"2.0","rawPath":"/x"}""", "\"type\" is missing")]
    [InlineData("""{"type":"TOKEN","authorizationToken":"t"}""", "no \"methodArn\"")]
    public async Task A_route_event_or_garbage_fails_the_invocation_with_the_reason(string payload, string reason)
    {
        var invoker = new AuthorizerInvoker(new Recording(_ => AuthorizerDecision.Allow("x")));

        var error = await Assert.ThrowsAsync<FormatException>(() => invoker.InvokeAsync(System.Text.Encoding.UTF8.GetBytes(payload), new TestLambdaContext()));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Through_the_runtime_loop_an_answer_is_posted_and_a_throwing_authorizer_is_an_invocation_error()
    {
        var client = new InvocationLoopTests.ScriptedClient();
        client.Add("ok", System.Text.Encoding.UTF8.GetString(Fixtures.AuthorizerEvent("go--apigw-custom-auth-request.json")));
        client.Add("boom", System.Text.Encoding.UTF8.GetString(Fixtures.AuthorizerEvent("go--apigw-custom-auth-request-type-request.json")));
        var log = new CapturedLog();
        var authorizer = new Recording(r => r.Kind == AuthorizerEventKind.RestToken ? AuthorizerDecision.Allow("p") : throw new InvalidOperationException("token store down"));

        var exit = await LambdaHost.ServeAsync(() => new AuthorizerInvoker(authorizer), new FakeEnvironment(("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9")),
            log.Sink, (_, _) => client, CancellationToken.None);

        Assert.Equal(1, exit);   // the scripted Runtime API goes away after the two invocations
        Assert.Equal("ok", Assert.Single(client.Responses).RequestId);
        Assert.Contains("\"Effect\":\"Allow\"", client.Responses[0].Body, StringComparison.Ordinal);
        var error = Assert.Single(client.Errors);
        Assert.Equal(("boom", "token store down"), (error.RequestId, error.Error.Message));
    }

    [Fact]
    public void A_decision_needs_a_principal()
    {
        Assert.Throws<ArgumentException>(() => AuthorizerDecision.Allow(""));
    }
}
