using System.Text;
using System.Text.Json.Nodes;
using LambdaRoutes.Bootstrap;
using LambdaRoutes.Local.RuntimeApi;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.RuntimeApi;
using LambdaRoutes.Testing;
using static LambdaRoutes.Runtime.Tests.Support.RuntimeApiFaults;

namespace LambdaRoutes.Runtime.Tests.Reliability;

/// <summary>
/// Faults: the real <see cref="LambdaHost"/> and <see cref="RuntimeApiClient"/> over TCP against the local Runtime API
/// server made to misbehave (<see cref="QueuedRuntimeApi.Fault"/>; <see cref="MalformedRuntimeApi"/> for bytes that are not HTTP). A Runtime API failure ends the process non-zero after logging (aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Bootstrap/LambdaBootstrap.cs: single-concurrency
/// RuntimeSupport rethrows); a refused payload is logged and the loop goes on; deadlines and the 6 MB limit are reported
/// with the request id.
/// </summary>
public sealed class RuntimeApiFaultTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    // The loop blocks its thread on the Runtime API, as in production: give it one of its own.
    private static Task<int> Host(string endpoint, CapturedLog log, IApiRoute route, CancellationToken ct = default) =>
        Task.Run(() => LambdaHost.RunAsync(() => route, new RouteOptions { Route = "/api/x" }, null,
            new FakeEnvironment(("AWS_LAMBDA_RUNTIME_API", endpoint)), log.Sink,
            (endpoint, logError) => new RuntimeApiClient(endpoint, logError), ct));

    private static readonly IApiRoute Hello = new InlineRoute((_, res) => res.Send("hello"));

    private static byte[] Get() => new HttpApiEventBuilder().Get("/api/x").ToJson();

    [Fact]
    public async Task Next_answering_500_ends_the_process_with_1_after_logging()
    {
        await using var api = await QueuedRuntimeApi.StartAsync();
        api.Fault = c => Answer(c, 500, "{\"errorMessage\":\"State is corrupt\",\"errorType\":\"Runtime.Unknown\"}");
        var log = new CapturedLog();

        var exit = await Host(api.Endpoint, log, Hello).WaitAsync(Bound);

        Assert.Equal(1, exit);
        Assert.Contains("crit\tRuntime API failure, exiting", log.Text);
        Assert.Contains("GET /runtime/invocation/next answered 500", log.Text);
        Assert.Single(api.RequestLines()); // no retry loop hammering a broken Runtime API
    }

    [Fact]
    public async Task Response_post_answered_500_ends_the_process_with_1()
    {
        await using var api = await QueuedRuntimeApi.StartAsync();
        api.Enqueue("r-1", Get());
        string? posted = null;
        api.Fault = async c =>
        {
            if (IsNext(c)) return false;
            posted = await BodyOf(c);
            return await Answer(c, 500, "{}");
        };
        var log = new CapturedLog();

        var exit = await Host(api.Endpoint, log, Hello).WaitAsync(Bound);

        Assert.Equal(1, exit);
        Assert.Equal(["GET /2018-06-01/runtime/invocation/next", "POST /2018-06-01/runtime/invocation/r-1/response"], api.RequestLines());
        Assert.Equal("hello", (string?)JsonNode.Parse(posted!)!["body"]);
        Assert.Contains("POST /2018-06-01/runtime/invocation/r-1/response answered 500", log.Text);
        Assert.Contains("Runtime API failure, exiting", log.Text);
    }

    [Fact]
    public async Task Error_post_answered_500_ends_the_loop()
    {
        await using var api = await QueuedRuntimeApi.StartAsync();
        api.Enqueue("e-1", Get());
        api.Fault = async c => !IsNext(c) && await Answer(c, 500, "{}");
        using var client = new RuntimeApiClient(api.Endpoint, _ => { });
        var loop = new InvocationLoop(client, new InlineInvocationHandler((_, _) => throw new InvalidOperationException("invoker bug")),
            new FakeEnvironment(), new CapturedLog().Sink);

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => Task.Run(() => loop.RunAsync(runOnce: false, CancellationToken.None))).WaitAsync(Bound);

        Assert.Equal(500, error.StatusCode);
        Assert.EndsWith("/invocation/e-1/error", api.RequestLines()[1]);
    }

    [Fact]
    public async Task Connection_dropped_on_next_is_retried_once_then_the_process_exits_1()
    {
        // Request 0: next → an event; 1: its response → 202; then every next is dropped without an answer.
        await using var api = await QueuedRuntimeApi.StartAsync();
        api.Enqueue("d-1", Get());
        var seen = 0;
        api.Fault = c =>
        {
            if (Interlocked.Increment(ref seen) <= 2) return Task.FromResult(false);
            c.Abort(); // Kestrel resets the connection: no answer at all
            return Task.FromResult(true);
        };
        var log = new CapturedLog();

        var exit = await Host(api.Endpoint, log, Hello).WaitAsync(Bound);

        Assert.Equal(1, exit);
        var requests = api.RequestLines();
        // The kept-alive connection may have been closed by an idle timeout: one fresh attempt, then give up.
        Assert.Equal(4, requests.Count);
        Assert.All(requests.Skip(2), r => Assert.Equal("GET /2018-06-01/runtime/invocation/next", r));
        Assert.Contains("Runtime API failure, exiting", log.Text);
        Assert.Contains("Connection reset by peer", log.Text); // what a dropped connection looks like to the socket
    }

    [Fact]
    public async Task A_next_body_cut_short_ends_the_process_with_1()
    {
        await using var api = new MalformedRuntimeApi(Encoding.ASCII.GetBytes(
            "HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: cut-1\r\nContent-Length: 100\r\n\r\n{\"version\""));
        var log = new CapturedLog();

        var exit = await Host(api.Endpoint, log, Hello).WaitAsync(Bound);

        Assert.Equal(1, exit);
        Assert.Contains("closed the connection in the middle of a body", log.Text);
    }

    [Fact]
    public async Task A_runtime_api_that_does_not_speak_http_ends_the_process_with_1()
    {
        await using var api = new MalformedRuntimeApi("SSH-2.0-OpenSSH_9.6\r\n\r\n"u8.ToArray());
        var log = new CapturedLog();

        var exit = await Host(api.Endpoint, log, Hello).WaitAsync(Bound);

        Assert.Equal(1, exit);
        Assert.Contains("Malformed HTTP status line from the Runtime API", log.Text);
    }

    [Fact]
    public async Task Nothing_listening_ends_the_process_with_1()
    {
        string endpoint;
        await using (var gone = await QueuedRuntimeApi.StartAsync()) endpoint = gone.Endpoint;
        var log = new CapturedLog();

        var exit = await Task.Run(() => LambdaHost.RunAsync(() => Hello, new RouteOptions { Route = "/api/x" }, null,
            new FakeEnvironment(("AWS_LAMBDA_RUNTIME_API", endpoint)), log.Sink,
            (e, logError) => new RuntimeApiClient(e, logError), CancellationToken.None)).WaitAsync(Bound);

        Assert.Equal(1, exit);
        Assert.Contains("Runtime API failure, exiting", log.Text);
    }

    [Fact]
    public async Task A_response_the_runtime_api_refuses_with_413_is_logged_and_the_next_invocation_is_served()
    {
        await using var api = await QueuedRuntimeApi.StartAsync();
        api.Enqueue("big-1", Get());
        var served = api.Enqueue("ok-2", Get()).Answer;
        api.Fault = async c => !IsNext(c) && c.Request.Path.Value!.Contains("big-1", StringComparison.Ordinal) &&
            await Answer(c, 413, "{\"errorMessage\":\"Exceeded maximum allowed payload size (6291556 bytes).\",\"errorType\":\"RequestEntityTooLarge\"}");
        var log = new CapturedLog();
        using var stop = new CancellationTokenSource();

        var host = Host(api.Endpoint, log, Hello, stop.Token);
        await served.WaitAsync(Bound);
        stop.Cancel();
        var exit = await host.WaitAsync(Bound);

        Assert.Equal(0, exit);
        Assert.Contains("POST /2018-06-01/runtime/invocation/big-1/response answered 413: {\"errorMessage\":\"Exceeded maximum allowed payload size", log.Text);
        Assert.EndsWith("/invocation/ok-2/response", api.RequestLines()[3]);
    }

    [Fact]
    public async Task A_response_over_6_mb_is_a_logged_500_with_the_request_id_not_a_payload_lambda_refuses()
    {
        var route = new InlineRoute((_, res) => res.Send(new string('x', 7 * 1024 * 1024)));
        await using var api = await QueuedRuntimeApi.StartAsync();
        var answer = api.Enqueue("huge-1", Get()).Answer;
        var log = new CapturedLog();
        using var stop = new CancellationTokenSource();

        var host = Host(api.Endpoint, log, route, stop.Token);
        var post = await answer.WaitAsync(Bound);
        stop.Cancel();
        await host.WaitAsync(Bound);

        Assert.EndsWith("/invocation/huge-1/response", post.Path);
        Assert.True(post.Body.Length < RouteInvoker.MaxResponsePayloadBytes);
        var json = JsonNode.Parse(post.Text)!;
        Assert.Equal(500, (int)json["statusCode"]!);
        Assert.Equal("Internal Server Error", (string?)json["body"]);
        Assert.Matches(@"\thuge-1\tfail\tResponse for GET /api/x is \d+ bytes encoded, over Lambda's 6291556-byte response limit", log.Text);
    }

    [Theory]
    [InlineData(-60_000, "The invocation's deadline had already passed when it arrived")]
    [InlineData(400, "The invocation is still running 250 ms before its deadline")]
    public async Task A_handler_running_past_its_deadline_is_logged_with_the_request_id(int deadlineFromNowMs, string warning)
    {
        var log = new CapturedLog();
        var route = new InlineRoute(async (_, res) =>
        {
            // Block until the warning is written (bounded: a missing warning fails the assertion, not the run).
            for (var i = 0; i < 200 && !log.Text.Contains(warning); i++) await Task.Delay(50);
            res.Send("late");
        });
        await using var api = await QueuedRuntimeApi.StartAsync();
        var answer = api.Enqueue("late-1", Get(), DateTimeOffset.UtcNow.AddMilliseconds(deadlineFromNowMs).ToUnixTimeMilliseconds()).Answer;
        using var stop = new CancellationTokenSource();

        var host = Host(api.Endpoint, log, route, stop.Token);
        var post = await answer.WaitAsync(Bound);
        stop.Cancel();
        await host.WaitAsync(Bound);

        Assert.Contains("\tlate-1\twarn\t" + warning, log.Text);
        Assert.EndsWith("/invocation/late-1/response", post.Path);
        Assert.Equal("late", (string?)JsonNode.Parse(post.Text)!["body"]);
    }
}
