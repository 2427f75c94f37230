using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LambdaRoutes.Core;
using LambdaRoutes.Local.RuntimeApi;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.RuntimeApi;
using LambdaRoutes.Testing;
using static LambdaRoutes.Runtime.Tests.Support.RuntimeApiFaults;

namespace LambdaRoutes.Runtime.Tests.Core;

/// <summary>
/// <c>ILambdaContext.ClientContext</c> / <c>Identity</c> from the Mobile SDK headers <c>Lambda-Runtime-Client-Context</c>
/// and <c>Lambda-Runtime-Cognito-Identity</c> (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html, https://docs.aws.amazon.com/lambda/latest/dg/csharp-context.html), and their Testing-kit doubles (Amazon.Lambda.TestUtilities' <c>TestClientContext</c>, <c>TestCognitoIdentity</c>).
/// </summary>
public sealed class ClientContextTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private const string FullClientContext =
        """
        {"client":{"installation_id":"inst-1","app_title":"Notes","app_version_name":"2.1.0","app_version_code":"210",
        "app_package_name":"com.example.notes"},"custom":{"tier":"gold","ünï":"cödé ✓"},"env":{"platform":"Android","locale":"de_DE"}}
        """;

    private const string FullIdentity = """{"cognitoIdentityId":"us-east-1:1234-abcd","cognitoIdentityPoolId":"us-east-1:pool-9"}""";

    private static (LambdaContext Context, TestLambdaLogger Log) Context(string? clientContext, string? identity, string requestId = "req-cc")
    {
        var log = new TestLambdaLogger();
        var context = new LambdaContext(requestId, 0, "arn:fn", null, null, FunctionEnvironment.From(new FakeEnvironment()), log,
            clientContextHeader: clientContext, cognitoIdentityHeader: identity);
        return (context, log);
    }

    [Fact]
    public void A_full_client_context_maps_every_wire_name()
    {
        var (context, log) = Context(FullClientContext, null);

        var cc = context.ClientContext;

        Assert.NotNull(cc);
        var client = Assert.IsAssignableFrom<IClientApplication>(cc!.Client);
        Assert.Equal(("inst-1", "Notes", "2.1.0", "210", "com.example.notes"),
            (client.InstallationId, client.AppTitle, client.AppVersionName, client.AppVersionCode, client.AppPackageName));
        Assert.Equal("gold", cc.Custom["tier"]);
        Assert.Equal("cödé ✓", cc.Custom["ünï"]);
        Assert.Equal(2, cc.Custom.Count);
        Assert.Equal(new Dictionary<string, string> { ["platform"] = "Android", ["locale"] = "de_DE" }, cc.Environment);
        Assert.Empty(log.Entries);
    }

    [Fact]
    public void A_full_identity_maps_both_wire_names()
    {
        var (context, log) = Context(null, FullIdentity);

        Assert.Equal("us-east-1:1234-abcd", context.Identity?.IdentityId);
        Assert.Equal("us-east-1:pool-9", context.Identity?.IdentityPoolId);
        Assert.Null(context.ClientContext);
        Assert.Empty(log.Entries);
    }

    [Fact]
    public void A_partial_client_context_leaves_what_is_missing_empty_or_null()
    {
        var (context, log) = Context("""{"custom":{"a":"1","n":2,"b":true,"gone":null,"esc":"caf\u00e9"},"client":{"app_title":"T"}}""", null);

        var cc = context.ClientContext!;

        Assert.Equal("T", cc.Client!.AppTitle);
        Assert.Null(cc.Client.InstallationId);
        Assert.Null(cc.Client.AppPackageName);
        // Non-string values keep their JSON text; a null value is no entry at all.
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["n"] = "2", ["b"] = "true", ["esc"] = "café" }, cc.Custom);
        Assert.Empty(cc.Environment);
        Assert.Empty(log.Entries);
    }

    [Fact]
    public void An_empty_object_gives_a_context_with_no_client_and_empty_maps()
    {
        var (context, _) = Context("{}", "{}");

        Assert.Null(context.ClientContext!.Client);
        Assert.Empty(context.ClientContext.Custom);
        Assert.Empty(context.ClientContext.Environment);
        Assert.Null(context.Identity!.IdentityId);
        Assert.Null(context.Identity.IdentityPoolId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Absent_headers_read_as_null_without_a_warning(string? header)
    {
        var (context, log) = Context(header, header);

        Assert.Null(context.ClientContext);
        Assert.Null(context.Identity);
        Assert.Empty(log.Entries);
    }

    [Theory]
    [InlineData("{\"custom\":{\"a\":")]            // cut short
    [InlineData("not json")]
    [InlineData("[1,2]")]                          // JSON, but not an object
    [InlineData("\"text\"")]
    [InlineData("{\"client\":\"com.example\"}")]   // a member that must be an object
    [InlineData("{\"custom\":[\"a\"]}")]
    [InlineData("{\"env\":42}")]
    [InlineData("{\"a\":1}{\"b\":2}")]             // trailing data
    public void A_malformed_client_context_is_null_and_warned_about_once_with_the_request_id(string header)
    {
        var (context, log) = Context(header, null, "req-bad-1");

        Assert.Null(context.ClientContext);
        Assert.Null(context.ClientContext); // read twice: parsed once, warned once

        var warning = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Lambda-Runtime-Client-Context", warning.Message);
        Assert.Contains("req-bad-1", warning.Message);
        Assert.Null(context.Identity);
    }

    [Theory]
    [InlineData("{\"cognitoIdentityId\":")]
    [InlineData("[]")]
    [InlineData("null")]
    public void A_malformed_identity_is_null_and_warned_about_once(string header)
    {
        var (context, log) = Context(FullClientContext, header, "req-bad-2");

        Assert.Null(context.Identity);
        Assert.Null(context.Identity);

        var warning = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Lambda-Runtime-Cognito-Identity", warning.Message);
        Assert.Contains("req-bad-2", warning.Message);
        // One bad header does not take the other down.
        Assert.Equal("gold", context.ClientContext!.Custom["tier"]);
    }

    [Fact]
    public void The_header_content_is_not_logged()
    {
        var (context, log) = Context("{\"custom\":{\"email\":\"ada@example.com\"", null);

        Assert.Null(context.ClientContext);

        Assert.DoesNotContain("ada@example.com", Assert.Single(log.Entries).Message);
    }

    [Fact]
    public void The_context_is_parsed_once_and_the_same_instance_returned()
    {
        var (context, _) = Context(FullClientContext, FullIdentity);

        Assert.Same(context.ClientContext, context.ClientContext);
        Assert.Same(context.Identity, context.Identity);
    }

    [Fact]
    public void Concurrent_first_reads_agree_and_warn_once()
    {
        for (var round = 0; round < 50; round++)
        {
            var (good, _) = Context(FullClientContext, null);
            var (bad, log) = Context("{oops", null);
            using var start = new Barrier(4);
            var seen = new IClientContext?[4];
            Parallel.For(0, 4, i =>
            {
                start.SignalAndWait();
                seen[i] = good.ClientContext;
                _ = bad.ClientContext;
            });

            Assert.All(seen, s => Assert.Same(seen[0], s));
            Assert.NotNull(seen[0]);
            Assert.Single(log.Entries);
        }
    }

    [Fact]
    public void A_context_written_before_these_members_still_compiles_and_reads_null()
    {
        ILambdaContext legacy = new LegacyContext();

        Assert.Null(legacy.ClientContext);
        Assert.Null(legacy.Identity);
    }

    [Fact]
    public async Task The_socket_client_carries_both_raw_headers()
    {
        await using var api = await QueuedRuntimeApi.StartAsync();
        api.Enqueue(MobileEvent("m-0", "{}"u8.ToArray(), FullClientContext.ReplaceLineEndings(""), FullIdentity));
        using var client = new RuntimeApiClient(api.Endpoint, _ => { });

        var invocation = await Task.Run(() => client.GetNextInvocation(CancellationToken.None)).WaitAsync(Bound);

        Assert.Equal(FullClientContext.ReplaceLineEndings(""), invocation.ClientContext);
        Assert.Equal(FullIdentity, invocation.CognitoIdentity);
    }

    [Fact]
    public async Task Through_the_real_host_and_socket_client_a_route_reads_both_and_a_malformed_header_only_warns()
    {
        // Request 0: next with both headers; 1: its response; 2: next with a broken client context; 3: its response.
        await using var api = await QueuedRuntimeApi.StartAsync();
        var firstAnswer = api.Enqueue(MobileEvent("m-1", Get(), FullClientContext.ReplaceLineEndings(""), FullIdentity)).Answer;
        var secondAnswer = api.Enqueue(MobileEvent("m-2", Get(), "{\"custom\":", null)).Answer;
        var nexts = 0;
        // The third next is answered 500, which ends the host once both events are answered.
        api.Fault = async c => IsNext(c) && Interlocked.Increment(ref nexts) == 3 && await Answer(c, 500, "{}");
        var route = new InlineRoute((req, res) => res.Json(new JsonObject
        {
            ["tier"] = req.Context.ClientContext?.Custom["tier"],
            ["app"] = req.Context.ClientContext?.Client?.AppPackageName,
            ["platform"] = req.Context.ClientContext?.Environment["platform"],
            ["identity"] = req.Context.Identity?.IdentityId,
            ["pool"] = req.Context.Identity?.IdentityPoolId,
        }));
        var log = new CapturedLog();

        var exit = await Task.Run(() => LambdaHost.RunAsync(() => route, new RouteOptions { Route = "/api/x" }, null,
            new FakeEnvironment(("AWS_LAMBDA_RUNTIME_API", api.Endpoint)), log.Sink,
            (endpoint, logError) => new RuntimeApiClient(endpoint, logError), CancellationToken.None)).WaitAsync(Bound);

        Assert.Equal(1, exit); // the scripted 500 on the third next, not anything the headers did
        var firstPost = await firstAnswer;
        Assert.Equal("/2018-06-01/runtime/invocation/m-1/response", firstPost.Path);
        var first = JsonNode.Parse((string)JsonNode.Parse(firstPost.Text)!["body"]!)!;
        Assert.Equal("gold", (string?)first["tier"]);
        Assert.Equal("com.example.notes", (string?)first["app"]);
        Assert.Equal("Android", (string?)first["platform"]);
        Assert.Equal("us-east-1:1234-abcd", (string?)first["identity"]);
        Assert.Equal("us-east-1:pool-9", (string?)first["pool"]);

        var secondPost = await secondAnswer;
        Assert.Equal("/2018-06-01/runtime/invocation/m-2/response", secondPost.Path);
        var second = JsonNode.Parse(secondPost.Text)!;
        Assert.Equal(200, (int?)second["statusCode"]);
        var body = JsonNode.Parse((string)second["body"]!)!;
        Assert.Null(body["tier"]);
        Assert.Null(body["identity"]);
        var warnings = log.Text.Split('\n').Where(l => l.Contains("\twarn\t", StringComparison.Ordinal)).ToArray();
        var warning = Assert.Single(warnings);
        Assert.Contains("\tm-2\twarn\t", warning); // the request id column
        Assert.Contains("Lambda-Runtime-Client-Context", warning);
    }

    [Fact]
    public async Task Testing_kit_contexts_carry_a_client_context_and_identity_to_the_route()
    {
        var tester = new RouteTester(new InlineRoute((req, res) => res.Send(
            $"{req.Context.ClientContext?.Custom["tier"]}|{req.Context.ClientContext?.Environment["platform"]}|" +
            $"{req.Context.ClientContext?.Client?.AppTitle}|{req.Context.Identity?.IdentityId}|{req.Context.Identity?.IdentityPoolId}")),
            "/api/x");
        var clientContext = new TestClientContext { Client = new TestClientApplication { AppTitle = "Notes" } };
        clientContext.Custom["tier"] = "gold"; // the dictionaries are there to fill, as with AWS's TestClientContext
        clientContext.Environment["platform"] = "iOS";

        var res = await tester.GetAsync("/api/x", new TestLambdaContext
        {
            ClientContext = clientContext,
            Identity = new TestCognitoIdentity { IdentityId = "id-1", IdentityPoolId = "pool-1" },
        });
        var plain = await tester.GetAsync("/api/x", new TestLambdaContext());

        Assert.Equal("gold|iOS|Notes|id-1|pool-1", res.Body);
        Assert.Equal("||||", plain.Body);
    }

    [Fact]
    public void Testing_kit_doubles_default_to_null_members_and_empty_maps()
    {
        var context = new TestLambdaContext();
        var clientContext = new TestClientContext();
        var app = new TestClientApplication();

        Assert.Null(context.ClientContext);
        Assert.Null(context.Identity);
        Assert.Empty(clientContext.Custom);
        Assert.Empty(clientContext.Environment);
        Assert.Null(clientContext.Client);
        Assert.Equal(new string?[] { null, null, null, null, null },
            new[] { app.AppPackageName, app.AppTitle, app.AppVersionCode, app.AppVersionName, app.InstallationId });
        Assert.Equal((null, null), (new TestCognitoIdentity().IdentityId, new TestCognitoIdentity().IdentityPoolId));
    }

    private static byte[] Get() => new HttpApiEventBuilder().Get("/api/x").ToJson();

    /// <summary>An event with the Mobile SDK headers (values are UTF-8: custom values may be any text).</summary>
    private static NextInvocation MobileEvent(string id, byte[] payload, string? clientContext, string? identity) =>
        new(id, payload, DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeMilliseconds(),
            "arn:aws:lambda:us-east-1:123456789012:function:mobile", "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700")
        {
            ClientContext = clientContext,
            CognitoIdentity = identity,
        };

    /// <summary>An implementation written against the interface as it was: must still compile.</summary>
    private sealed class LegacyContext : ILambdaContext
    {
        public string AwsRequestId => "legacy";
        public string FunctionName => "fn";
        public string FunctionVersion => "1";
        public string InvokedFunctionArn => "arn";
        public int MemoryLimitInMB => 128;
        public TimeSpan RemainingTime => TimeSpan.Zero;
        public string LogGroupName => "g";
        public string LogStreamName => "s";
        public string? TraceId => null;
        public ILambdaLogger Logger => new TestLambdaLogger();
    }
}
