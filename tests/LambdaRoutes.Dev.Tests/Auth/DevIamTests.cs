using System.Net;
using System.Text.Json.Nodes;
using LambdaRoutes.Cdk;
using LambdaRoutes.Dev.Tests.Support;
using LambdaRoutes.Packager.Dev;
using LambdaRoutes.Packager.Dev.Auth;
using LambdaRoutes.Packager.Dev.Hosting;
using LambdaRoutes.Tests;

namespace LambdaRoutes.Dev.Tests.Auth;

/// <summary>
/// <c>dev --iam-authorizer signed</c>: a route guarded by IAM needs a SigV4 <c>Authorization</c> header (API Gateway's 403
/// without one); its signature is not verified, and the configured caller reaches <c>req.Identity.Iam</c> in the shape
/// of AWS's own IAM-authorized event.
/// </summary>
public sealed class DevIamTests
{
    private const string Signed = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd";

    private static readonly DevRoute Route = new("ApiSigned", "/api/signed", "api/signed.cs", ["/api/signed"], DevRoute.AnyMethod, 5, 128, Authorizer: "signed");

    [Theory]
    [InlineData(ApiKind.Http, """{"message":"Forbidden"}""")]
    [InlineData(ApiKind.Rest, """{"message":"Missing Authentication Token"}""")]
    public async Task An_unsigned_request_is_403_as_api_gateway_answers_and_the_route_does_not_run(ApiKind flavor, string message)
    {
        var (status, body, events, log) = await SendAsync(flavor, "Bearer not-sigv4");

        Assert.Equal((HttpStatusCode.Forbidden, message), (status, body));
        Assert.Empty(events);
        Assert.Contains(log.Lines, l => l.StartsWith("WARNING: --iam-authorizer signed: SigV4 signatures are NOT verified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_http_api_request_carries_the_configured_caller_where_aws_puts_the_signer()
    {
        var (status, body, events, _) = await SendAsync(ApiKind.Http, Signed);

        Assert.Equal(HttpStatusCode.OK, status);
        var answer = JsonNode.Parse(body)!;
        Assert.Equal(("Iam", "arn:aws:iam::210987654321:user/ada", "AKIAIOSFODNN7EXAMPLE", "210987654321"),
            ((string?)answer["kind"], (string?)answer["userArn"], (string?)answer["accessKey"], (string?)answer["account"]));
        var genuine = JsonNode.Parse(Fixtures.CorpusEvent("go--apigw-v2-request-iam.json"))!["requestContext"]!["authorizer"]!["iam"]!.AsObject();
        var ours = JsonNode.Parse(Assert.Single(events))!["requestContext"]!["authorizer"]!["iam"]!.AsObject();
        Assert.Equal(genuine.Select(p => p.Key).Order(StringComparer.Ordinal), ours.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_signed_rest_request_names_the_caller_in_request_context_identity()
    {
        var (status, body, _, _) = await SendAsync(ApiKind.Rest, Signed);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("Iam", "arn:aws:iam::210987654321:user/ada"), ((string?)JsonNode.Parse(body)!["kind"], (string?)JsonNode.Parse(body)!["userArn"]));
    }

    private static async Task<(HttpStatusCode Status, string Body, List<byte[]> Events, LogWriter Log)> SendAsync(ApiKind flavor, string authorization)
    {
        var host = new EchoHost();
        var log = new LogWriter();
        await using var server = await DevServer.StartAsync(
            new DevOptions(".", Port: 0, Flavor: flavor, Watch: false, Iam: new DevIamOptions(["signed"], "arn:aws:iam::210987654321:user/ada")), host, log.WriteLine);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/signed");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), host.Events, log);
    }

    private sealed class EchoHost : IRouteHost
    {
        public List<byte[]> Events { get; } = [];

        public string Mode => "iam-echo";

        public DevRouteSet Routes { get; } = new([Route]);

        public async Task<RouteRun> InvokeAsync(DevRoute route, byte[] eventJson)
        {
            Events.Add(eventJson);
            var payload = await new RouteInvoker(new EchoIam(), new RouteOptions { Route = route.Route })
                .InvokeAsync(eventJson, new LambdaRoutes.Testing.TestLambdaContext());
            return new RouteRun(RunOutcome.Success, payload, Cold: false, "#1");
        }

        public Task<RouteRun> StreamAsync(DevRoute route, byte[] eventJson, Func<ReadOnlyMemory<byte>, Task> write) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class EchoIam : IApiRoute
    {
        public Task HandleAsync(ApiRequest req, ApiResponse res)
        {
            res.Json(new JsonObject
            {
                ["kind"] = req.Identity.Kind.ToString(),
                ["userArn"] = req.Identity.Iam?.UserArn,
                ["accessKey"] = req.Identity.Iam?.AccessKey,
                ["account"] = req.Identity.Iam?.AccountId,
            });
            return Task.CompletedTask;
        }
    }
}
