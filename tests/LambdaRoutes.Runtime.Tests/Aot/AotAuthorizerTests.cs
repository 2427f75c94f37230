using System.Text.Json.Nodes;
using LambdaRoutes.Local.RuntimeApi;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Tests;

namespace LambdaRoutes.Runtime.Tests.Aot;

/// <summary>
/// A Lambda authorizer (<see cref="ILambdaAuthorizer"/>) started the way the packager's generated entry point starts an
/// <c>authorizers/&lt;name&gt;.cs</c> file, as a Native AOT bootstrap over a real Runtime API socket, on API Gateway's
/// genuine authorizer events (tests/fixtures/authorizer-events).
/// </summary>
[Collection(AotCollection.Name)]
public sealed class AotAuthorizerTests(AotPublishFixture aot)
{
    [Fact]
    public async Task Answers_each_event_kind_in_its_wire_format_and_a_failure_is_an_invocation_error()
    {
        Assert.True(aot.PublishExitCode == 0, "publish failed:\n" + aot.PublishLog);
        await using var api = await QueuedRuntimeApi.StartAsync();
        using var bootstrap = new BootstrapProcess(aot, api.Endpoint, ("AOT_FIXTURE_ROUTE", "authorizer"));
        api.Enqueue("http", Fixtures.AuthorizerEvent("go--apigw-v2-custom-authorizer-v2-request.json"));
        api.Enqueue("token", Fixtures.AuthorizerEvent("go--apigw-custom-auth-request.json"));
        api.Enqueue("request", Fixtures.AuthorizerEvent("go--apigw-custom-auth-request-type-request.json"));
        api.Enqueue("boom", """{"type":"TOKEN","authorizationToken":"explode","methodArn":"arn:aws:execute-api:us-east-1:123456789012:api/prod/GET/x"}"""u8.ToArray());
        var posts = new Dictionary<string, RuntimeApiPost>();
        for (var i = 0; i < 4; i++)
        {
            var post = await api.NextPostAsync();
            posts[post.Path.Split('/')[^2]] = post;
        }

        Assert.Equal("""{"isAuthorized":true,"context":{"tier":"gold","path":"/my/path"}}""", posts["http"].Text);
        var token = JsonNode.Parse(posts["token"].Text)!;
        Assert.Equal(("partner-1", "Allow", "arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/*/*"),
            ((string?)token["principalId"], (string?)token["policyDocument"]!["Statement"]![0]!["Effect"], (string?)token["policyDocument"]!["Statement"]![0]!["Resource"]));
        Assert.Equal("Deny", (string?)JsonNode.Parse(posts["request"].Text)!["policyDocument"]!["Statement"]![0]!["Effect"]);
        Assert.EndsWith("/error", posts["boom"].Path, StringComparison.Ordinal);
        Assert.Contains("key store down", posts["boom"].Text, StringComparison.Ordinal);
    }
}
