using System.Text.Json.Nodes;
using LambdaRoutes.Runtime.Tests.Malformed;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;
using Xunit.Abstractions;
using LambdaRoutes.Local.RuntimeApi;

namespace LambdaRoutes.Runtime.Tests.Aot;

/// <summary>The cases below on the linux-x64 bootstrap, run natively.</summary>
[Collection(AotCollection.Name)]
public sealed class AotBootstrapTests(AotPublishFixture aot, ITestOutputHelper output) : BootstrapTestCases(aot, output);

/// <summary>
/// The same cases on the linux-arm64 bootstrap, cross-compiled here and run under qemu-user: proof that the arm64 binary
/// is right (buffered, streaming, handler errors, init errors, Runtime API failures), not a measure of its speed.
/// </summary>
[Collection(Arm64AotCollection.Name)]
public sealed class Arm64BootstrapTests(Arm64AotPublishFixture aot, ITestOutputHelper output) : BootstrapTestCases(aot, output);

/// <summary>
/// The runtime under Native AOT, for real: publish a route with zero trim/AOT warnings, then run its <c>bootstrap</c>
/// against a Runtime API on 127.0.0.1 and check the responses it posts. One subclass per architecture.
/// </summary>
public abstract class BootstrapTestCases(AotPublishFixture aot, ITestOutputHelper output)
{
    private void AssertPublished()
    {
        Assert.True(aot.PublishExitCode == 0, "publish failed:\n" + aot.PublishLog);
        Assert.True(File.Exists(aot.BootstrapPath), "no bootstrap in the publish output:\n" + aot.PublishLog);
    }

    [Fact]
    public void Publishes_with_no_trim_or_aot_warnings()
    {
        AssertPublished();
        Assert.Empty(aot.AotWarnings);
        output.WriteLine($"bootstrap: {new FileInfo(aot.BootstrapPath).Length:N0} bytes");
    }

    [Fact]
    public void Bootstrap_needs_glibc_2_34_at_most()
    {
        AssertPublished();
        var (exit, symbols) = AotPublishFixture.Run(aot.Objdump, new[] { "-T", aot.BootstrapPath }, TimeSpan.FromMinutes(1));
        Assert.Equal(0, exit);
        var newest = System.Text.RegularExpressions.Regex.Matches(symbols, @"GLIBC_(\d+)\.(\d+)")
            .Select(m => new Version(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value))).Max();
        Assert.NotNull(newest);
        Assert.True(newest <= new Version(2, 34), $"needs GLIBC_{newest}; Amazon Linux 2023 (provided.al2023) has 2.34");
    }

    [Fact]
    public async Task Bootstrap_serves_real_events_and_survives_a_throwing_handler_and_a_malformed_event()
    {
        AssertPublished();
        await using var api = await QueuedRuntimeApi.StartAsync();
        using var bootstrap = new BootstrapProcess(aot, api.Endpoint);

        api.Enqueue("get-1", new HttpApiEventBuilder().Get("/api/aot/x?a=1&a=2").Cookie("s", "1").ToJson(), traceId: "Root=1-aot");
        api.Enqueue("order-2", new RestApiEventBuilder().Post("/api/aot/order").Body("{\"Item\":\"tea\",\"Quantity\":2}", "application/json").ToJson());
        api.Enqueue("boom-3", new HttpApiEventBuilder().Get("/api/aot/boom").ToJson());
        api.Enqueue("junk-4", "this is not json"u8.ToArray());
        api.Enqueue("missing-5", new HttpApiEventBuilder().AsFunctionUrl().Get("/api/other").ToJson());
        api.Enqueue("get-6", new HttpApiEventBuilder().AsFunctionUrl().Get("/api/aot").ToJson());

        var get = await api.NextPostAsync();
        var order = await api.NextPostAsync();
        var boom = await api.NextPostAsync();
        var junk = await api.NextPostAsync();
        var missing = await api.NextPostAsync();
        var last = await api.NextPostAsync();

        Assert.Equal("/2018-06-01/runtime/invocation/get-1/response", get.Path);
        var getJson = JsonNode.Parse(get.Text)!;
        Assert.Equal(200, (int)getJson["statusCode"]!);
        Assert.Equal("get-1", (string?)getJson["headers"]!["x-request-id"]);
        Assert.Equal("{\"method\":\"GET\",\"query\":{\"a\":[\"1\",\"2\"],\"rest\":[\"x\"]},\"cookies\":1,\"source\":\"HttpApi\",\"heapLimit\":251658240}", (string?)getJson["body"]);

        var orderJson = JsonNode.Parse(order.Text)!;
        Assert.Equal(201, (int)orderJson["statusCode"]!);
        Assert.Equal("{\"Item\":\"tea\",\"Quantity\":4}", (string?)orderJson["body"]);
        Assert.Equal("last=tea; Path=/; HttpOnly", (string?)orderJson["multiValueHeaders"]!["Set-Cookie"]![0]);

        var boomJson = JsonNode.Parse(boom.Text)!;
        Assert.Equal("/2018-06-01/runtime/invocation/boom-3/response", boom.Path);
        Assert.Equal(500, (int)boomJson["statusCode"]!);
        Assert.Equal("Internal Server Error", (string?)boomJson["body"]);

        Assert.Equal(400, (int)JsonNode.Parse(junk.Text)!["statusCode"]!);
        Assert.Equal(404, (int)JsonNode.Parse(missing.Text)!["statusCode"]!);
        Assert.Equal("/2018-06-01/runtime/invocation/get-6/response", last.Path);
        Assert.Equal("{\"method\":\"GET\",\"query\":{},\"cookies\":0,\"source\":\"FunctionUrl\",\"heapLimit\":251658240}", (string?)JsonNode.Parse(last.Text)!["body"]);

        Assert.False(bootstrap.HasExited);
        Assert.Matches(@"\tboom-3\tfail\tUnhandled error in GET /api/aot/boom \(request boom-3\)\nSystem.InvalidOperationException: boom from the handler", bootstrap.Output);
        Assert.Contains("\tjunk-4\twarn\tInvalid event: the payload is not valid JSON", bootstrap.Output);
        Assert.Equal(1, api.ConnectionCount); // one keep-alive connection for all six invocations
    }

    [Fact]
    public async Task Bootstrap_answers_every_malformed_input_and_keeps_serving()
    {
        AssertPublished();
        await using var api = await QueuedRuntimeApi.StartAsync();
        using var bootstrap = new BootstrapProcess(aot, api.Endpoint);
        var cases = MalformedEvents.All("/api/aot/echo").ToList();
        foreach (var (c, i) in cases.Select((c, i) => (c, i))) api.Enqueue("bad-" + i, c.Event);
        api.Enqueue("good", new HttpApiEventBuilder().Post("/api/aot/echo").Body("still alive", "text/plain").ToJson());

        foreach (var (c, i) in cases.Select((c, i) => (c, i)))
        {
            var post = await api.NextPostAsync();
            Assert.Equal($"/2018-06-01/runtime/invocation/bad-{i}/response", post.Path);
            var answer = JsonNode.Parse(post.Text)!;
            Assert.True(c.Status == (int)answer["statusCode"]! && c.Body == (string?)answer["body"],
                $"{c.Name}: expected {c.Status} \"{c.Body}\", got {post.Text[..Math.Min(300, post.Text.Length)]}");
        }
        var good = await api.NextPostAsync();

        Assert.Equal("still alive", (string?)JsonNode.Parse(good.Text)!["body"]);
        Assert.False(bootstrap.HasExited);
    }

    [Theory]
    [InlineData("next")]
    [InlineData("response")]
    public async Task The_real_process_exits_1_after_logging_when_the_runtime_api_answers_500(string failing)
    {
        // As RuntimeSupport does (aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Bootstrap/LambdaBootstrap.cs): a Runtime API failure ends the bootstrap process non-zero, after a log line.
        AssertPublished();
        await using var api = await QueuedRuntimeApi.StartAsync();
        api.Enqueue("r-1", new HttpApiEventBuilder().Get("/api/aot").ToJson());
        api.Fault = async c => !(RuntimeApiFaults.IsNext(c) && failing == "response") && await RuntimeApiFaults.Answer(c, 500, "{}");
        using var bootstrap = new BootstrapProcess(aot, api.Endpoint);

        var exit = await bootstrap.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exit);
        Assert.Contains("crit\tRuntime API failure, exiting", bootstrap.Output);
        Assert.Contains(failing == "next" ? "GET /runtime/invocation/next answered 500" : "/invocation/r-1/response answered 500", bootstrap.Output);
    }

    [Fact]
    public void Bootstrap_is_built_for_its_architecture()
    {
        AssertPublished();
        var (exit, headers) = AotPublishFixture.Run(aot.Objdump, new[] { "-f", aot.BootstrapPath }, TimeSpan.FromMinutes(1));
        Assert.Equal(0, exit);
        Assert.Contains(aot.Architecture == "arm64" ? "architecture: aarch64" : "architecture: i386:x86-64", headers);
    }

    [Fact]
    public async Task A_throwing_constructor_is_reported_to_init_error_and_the_process_exits_1()
    {
        AssertPublished();
        await using var api = await QueuedRuntimeApi.StartAsync();
        using var bootstrap = new BootstrapProcess(aot, api.Endpoint, ("AOT_FIXTURE_ROUTE", "init-error"));

        var post = await api.NextPostAsync();
        var exit = await bootstrap.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("/2018-06-01/runtime/init/error", post.Path);
        var error = JsonNode.Parse(post.Text)!;
        Assert.Equal("InvalidOperationException", (string?)error["errorType"]);
        Assert.Equal("the route's constructor failed", (string?)error["errorMessage"]);
        Assert.Equal(1, exit);
        Assert.Contains("Route initialisation failed", bootstrap.Output);
    }

    [Fact]
    public async Task Run_once_serves_one_invocation_and_exits_0()
    {
        AssertPublished();
        await using var api = await QueuedRuntimeApi.StartAsync();
        api.Enqueue("only", new HttpApiEventBuilder().Get("/api/aot").ToJson());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var bootstrap = new BootstrapProcess(aot, api.Endpoint, ("LAMBDA_ROUTES_RUN_ONCE", "true"));

        var post = await api.NextPostAsync();
        var firstResponse = clock.Elapsed;
        var exit = await bootstrap.WaitForExitAsync(TimeSpan.FromSeconds(30));
        // A figure for the report, not an assertion: process start → first response posted, on this machine.
        output.WriteLine($"process start to first response: {firstResponse.TotalMilliseconds:F1} ms");

        Assert.Equal("/2018-06-01/runtime/invocation/only/response", post.Path);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task Verb_route_serves_typed_json_multipart_and_the_app_router_method_rules()
    {
        AssertPublished();
        await using var api = await QueuedRuntimeApi.StartAsync();
        using var bootstrap = new BootstrapProcess(aot, api.Endpoint, ("AOT_FIXTURE_ROUTE", "verb"));
        var file = Enumerable.Range(0, 2048).Select(i => (byte)i).ToArray();
        var multipart = System.Text.Encoding.ASCII.GetBytes(
                "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nhello\r\n" +
                "--b\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"f.bin\"\r\nContent-Type: image/png\r\n\r\n")
            .Concat(file).Concat("\r\n--b--\r\n"u8.ToArray()).ToArray();

        api.Enqueue("get", new HttpApiEventBuilder().Get("/api/aot/verbs/tea").ToJson());
        api.Enqueue("post", new RestApiEventBuilder().Post("/api/aot/verbs/1").Body(multipart, "multipart/form-data; boundary=b").ToJson());
        api.Enqueue("options", new HttpApiEventBuilder().Request("OPTIONS", "/api/aot/verbs/1").ToJson());
        api.Enqueue("put", new HttpApiEventBuilder().Put("/api/aot/verbs/1").ToJson());
        api.Enqueue("header", new HttpApiEventBuilder().Request("HEADER", "/api/aot/verbs/1").ToJson());
        api.Enqueue("boom", new HttpApiEventBuilder().Get("/api/aot/verbs/boom").ToJson());
        api.Enqueue("bad-form", new HttpApiEventBuilder().Post("/api/aot/verbs/1").Body("--b\r\nno end", "multipart/form-data; boundary=b").ToJson());
        var answers = new Dictionary<string, JsonNode>();
        for (var i = 0; i < 7; i++)
        {
            var post = await api.NextPostAsync();
            answers[post.Path.Split('/')[^2]] = JsonNode.Parse(post.Text)!;
        }

        Assert.Equal(200, (int)answers["get"]["statusCode"]!);
        Assert.Equal("{\"Item\":\"tea\",\"Quantity\":3}", (string?)answers["get"]["body"]);
        Assert.Equal("application/json", (string?)answers["get"]["headers"]!["Content-Type"]);
        Assert.Equal("get", (string?)answers["get"]["headers"]!["x-request-id"]);
        Assert.Equal(201, (int)answers["post"]["statusCode"]!);
        Assert.Equal("{\"title\":\"hello\",\"file\":\"f.bin\",\"type\":\"image/png\",\"length\":2048,\"first\":0,\"last\":255}", (string?)answers["post"]["body"]);
        Assert.Equal(204, (int)answers["options"]["statusCode"]!);
        Assert.Equal("GET, HEAD, OPTIONS, POST", (string?)answers["options"]["headers"]!["Allow"]);
        Assert.Equal(405, (int)answers["put"]["statusCode"]!);
        Assert.Equal(400, (int)answers["header"]["statusCode"]!);
        Assert.Equal(500, (int)answers["boom"]["statusCode"]!);
        Assert.Equal("", (string?)answers["boom"]["body"]);
        // A verb route parses on first read: its uncaught FormData() failure is a route handler error, an empty 500 as in Next.
        Assert.Equal(400, (int)answers["bad-form"]["statusCode"]!);
        Assert.StartsWith("Invalid multipart/form-data body: ", (string?)answers["bad-form"]["body"]);
        Assert.Contains("Invalid multipart/form-data body: ", bootstrap.Output);
        Assert.Contains("verb boom", bootstrap.Output);
        Assert.False(bootstrap.HasExited);
    }

    [Fact]
    public async Task Streaming_route_streams_chunks_and_reports_a_mid_stream_failure_in_trailers()
    {
        AssertPublished();
        await using var api = await QueuedRuntimeApi.StartAsync(recordWire: true);
        using var bootstrap = new BootstrapProcess(aot, api.Endpoint, ("AOT_FIXTURE_ROUTE", "stream"));
        api.Enqueue("ok", new HttpApiEventBuilder().AsFunctionUrl().Get("/api/aot/stream").ToJson());
        api.Enqueue("fail", new HttpApiEventBuilder().AsFunctionUrl().Get("/api/aot/stream?fail=1").ToJson());
        var ok = await api.NextPostAsync();
        var fail = await api.NextPostAsync();
        var ticks = new[] { 1, 2, 3 }.Select(i => System.Text.Encoding.UTF8.GetBytes($"data: tick {i}\n\n")).ToArray();

        Assert.Equal("streaming", ok.Headers["Lambda-Runtime-Function-Response-Mode"]);
        var prelude = ok.Body[..(ok.Body.AsSpan().IndexOf(new byte[8]) + 8)];
        var head = JsonNode.Parse(prelude.AsSpan(0, prelude.Length - 8))!;
        Assert.Equal(200, (int)head["statusCode"]!);
        Assert.Equal("text/event-stream", (string?)head["headers"]!["Content-Type"]);
        ChunkedFraming.AssertSent(api, [prelude, .. ticks]); // one chunk per write: the prelude, then each event
        Assert.Equal(RuntimeApiPostKind.Response, ok.Kind);
        Assert.Empty(ok.Trailers);

        Assert.Equal(RuntimeApiPostKind.Error, fail.Kind);
        Assert.Equal("/2018-06-01/runtime/invocation/fail/response", fail.Path);
        var type = fail.Trailers["Lambda-Runtime-Function-Error-Type"];
        var body = fail.Trailers["Lambda-Runtime-Function-Error-Body"];
        Assert.Equal("InvalidOperationException", type);
        var error = JsonNode.Parse(Convert.FromBase64String(body))!;
        Assert.Equal("stream broke", (string?)error["errorMessage"]);
        var failed = fail.StreamedPieces.SelectMany(p => p).ToArray();
        var failPrelude = failed[..(failed.AsSpan().IndexOf(new byte[8]) + 8)];
        ChunkedFraming.AssertSent(api, [failPrelude, ticks[0], ticks[1]],
            $"0\r\nLambda-Runtime-Function-Error-Type: {type}\r\nLambda-Runtime-Function-Error-Body: {body}\r\n\r\n");
        Assert.False(bootstrap.HasExited);
    }
}
