using System.Text;
using LambdaRoutes.Bootstrap;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.RuntimeApi;

namespace LambdaRoutes.Runtime.Tests.Bootstrap;

/// <summary>The loop and <see cref="LambdaHost"/> through the client seam, no network (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html; aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Bootstrap/LambdaBootstrap.cs).</summary>
public sealed class InvocationLoopTests
{
    /// <summary>Serves queued invocations, then throws <see cref="RuntimeApiException"/> like a Runtime API going away.</summary>
    internal sealed class ScriptedClient : IRuntimeApiClient
    {
        public Queue<InvocationRequest> Invocations { get; } = new();
        public List<(string RequestId, string Body)> Responses { get; } = new();
        public List<(string RequestId, Exception Error)> Errors { get; } = new();
        public List<Exception> InitErrors { get; } = new();

        public InvocationRequest GetNextInvocation(CancellationToken cancellationToken) =>
            Invocations.Count > 0 ? Invocations.Dequeue() : throw new RuntimeApiException("no more events", 500);

        public void SendResponse(string requestId, byte[] payload, CancellationToken cancellationToken) =>
            Responses.Add((requestId, Encoding.UTF8.GetString(payload)));

        public async Task<Exception?> SendStreamingResponseAsync(
            string requestId, StreamingResponseBody writeBody, CancellationToken cancellationToken)
        {
            var body = new MemoryStream();
            try
            {
                await writeBody(chunk => { body.Write(chunk.Span); return Task.CompletedTask; });
            }
            catch (Exception ex)
            {
                Errors.Add((requestId, ex));
                return ex;
            }
            Responses.Add((requestId, Encoding.UTF8.GetString(body.ToArray())));
            return null;
        }

        public void ReportInvocationError(string requestId, Exception error, CancellationToken cancellationToken) =>
            Errors.Add((requestId, error));

        public void ReportInitializationError(Exception error, CancellationToken cancellationToken) => InitErrors.Add(error);

        public void Add(string id, string payload, long deadline = 0, string? trace = null) =>
            Invocations.Enqueue(new InvocationRequest(id, deadline, "arn:fn", trace, null, Encoding.UTF8.GetBytes(payload)));
    }

    [Fact]
    public async Task A_failing_invocation_is_reported_to_error_and_the_loop_goes_on()
    {
        var client = new ScriptedClient();
        client.Add("1", "boom");
        client.Add("2", "fine");
        var log = new CapturedLog();
        var loop = new InvocationLoop(client, new InlineInvocationHandler((payload, _) =>
            Encoding.UTF8.GetString(payload.Span) == "boom"
                ? throw new InvalidOperationException("handler broke")
                : Task.FromResult("{\"ok\":1}"u8.ToArray())), new FakeEnvironment(), log.Sink);

        await Assert.ThrowsAsync<RuntimeApiException>(() => loop.RunAsync(runOnce: false, CancellationToken.None));

        var error = Assert.Single(client.Errors);
        Assert.Equal("1", error.RequestId);
        Assert.Equal("handler broke", error.Error.Message);
        Assert.Equal(new[] { ("2", "{\"ok\":1}") }, client.Responses);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t1\tfail\tInvocation failed\n", log.Text);
    }

    [Fact]
    public async Task Context_comes_from_the_next_headers_and_the_environment()
    {
        var client = new ScriptedClient();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20).ToUnixTimeMilliseconds();
        client.Add("ctx", "{}", deadline, "Root=1-xyz");
        var env = new FakeEnvironment(("AWS_LAMBDA_FUNCTION_NAME", "fn"), ("AWS_LAMBDA_FUNCTION_VERSION", "7"),
            ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"), ("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/fn"), ("AWS_LAMBDA_LOG_STREAM_NAME", "s"));
        ILambdaContext? seen = null;
        string? traceEnvDuringInvoke = null;
        var loop = new InvocationLoop(client, new InlineInvocationHandler((_, ctx) =>
        {
            seen = ctx;
            traceEnvDuringInvoke = env.Get("_X_AMZN_TRACE_ID");
            return Task.FromResult(Array.Empty<byte>());
        }), env, new CapturedLog().Sink);

        await loop.RunAsync(runOnce: true, CancellationToken.None);

        Assert.NotNull(seen);
        Assert.Equal("ctx", seen!.AwsRequestId);
        Assert.Equal("arn:fn", seen.InvokedFunctionArn);
        Assert.Equal("Root=1-xyz", seen.TraceId);
        Assert.Equal("Root=1-xyz", traceEnvDuringInvoke);
        Assert.Equal(("fn", "7", 512, "/aws/lambda/fn", "s"), (seen.FunctionName, seen.FunctionVersion, seen.MemoryLimitInMB, seen.LogGroupName, seen.LogStreamName));
        Assert.InRange(seen.RemainingTime.TotalSeconds, 1, 20);
        Assert.Single(client.Responses);
    }

    [Fact]
    public async Task A_handler_still_running_near_its_deadline_is_logged_with_the_request_id()
    {
        var client = new ScriptedClient();
        client.Add("slow-1", "{}", DateTimeOffset.UtcNow.AddMilliseconds(300).ToUnixTimeMilliseconds());
        var log = new CapturedLog();
        var loop = new InvocationLoop(client, new InlineInvocationHandler(async (_, _) =>
        {
            // Keep running until the warning shows up (bounded, so a broken warning fails the test instead of hanging it).
            for (var i = 0; i < 200 && !log.Text.Contains("before its deadline"); i++) await Task.Delay(50);
            return "{}"u8.ToArray();
        }), new FakeEnvironment(), log.Sink);

        await loop.RunAsync(runOnce: true, CancellationToken.None);

        Assert.Matches(@"\tslow-1\twarn\tThe invocation is still running 250 ms before its deadline", log.Text);
        Assert.Single(client.Responses);
    }

    [Fact]
    public async Task An_invocation_that_finishes_in_time_logs_no_deadline_warning()
    {
        var client = new ScriptedClient();
        client.Add("fast-1", "{}", DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds());
        client.Add("past-2", "{}", DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds());
        var log = new CapturedLog();
        var loop = new InvocationLoop(client, new InlineInvocationHandler(async (_, ctx) =>
        {
            if (ctx.AwsRequestId == "past-2")
                for (var i = 0; i < 200 && !log.Text.Contains("already passed"); i++) await Task.Delay(50);
            return "{}"u8.ToArray();
        }), new FakeEnvironment(), log.Sink);

        await loop.RunAsync(runOnce: true, CancellationToken.None);
        await loop.RunAsync(runOnce: true, CancellationToken.None);

        Assert.DoesNotContain("\tfast-1\twarn", log.Text);
        Assert.Contains("\tpast-2\twarn\tThe invocation's deadline had already passed", log.Text);
        Assert.Equal(2, client.Responses.Count);
    }

    private static Task<int> Host(ScriptedClient client, FakeEnvironment env, Func<IApiRoute> route, CapturedLog log, RouteOptions? options = null) =>
        LambdaHost.RunAsync(route, options ?? new RouteOptions { Route = "/api/x" }, null, env, log.Sink, (_, _) => client, CancellationToken.None);

    [Fact]
    public async Task Route_constructor_failure_is_an_init_error_and_a_non_zero_exit()
    {
        var client = new ScriptedClient();
        var log = new CapturedLog();

        var exit = await Host(client, new FakeEnvironment(("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:1")),
            () => throw new InvalidOperationException("no database"), log);

        Assert.Equal(1, exit);
        Assert.Equal("no database", Assert.Single(client.InitErrors).Message);
        Assert.Contains("crit\tRoute initialisation failed", log.Text);
    }

    [Fact]
    public async Task Invalid_route_options_are_an_init_error()
    {
        var client = new ScriptedClient();

        var exit = await Host(client, new FakeEnvironment(("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:1")),
            () => new InlineRoute((_, res) => res.End()), new CapturedLog(), new RouteOptions { Route = "/api/x", BodySizeLimit = "lots" });

        Assert.Equal(1, exit);
        Assert.IsType<FormatException>(Assert.Single(client.InitErrors));
    }

    [Fact]
    public async Task Missing_runtime_api_variable_exits_2_with_an_explanation()
    {
        var log = new CapturedLog();

        var exit = await Host(new ScriptedClient(), new FakeEnvironment(), () => new InlineRoute((_, res) => res.End()), log);

        Assert.Equal(2, exit);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API is not set", log.Text);
    }

    [Theory]
    [InlineData("LAMBDA_ROUTES_RUN_ONCE")]
    [InlineData("AWS_LAMBDA_DOTNET_DEBUG_RUN_ONCE")]
    public async Task Run_once_serves_one_invocation_and_exits_0(string variable)
    {
        var client = new ScriptedClient();
        client.Add("1", "{\"version\":\"2.0\",\"rawPath\":\"/api/x\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}}");
        client.Add("2", "{}");

        var exit = await Host(client, new FakeEnvironment(("AWS_LAMBDA_RUNTIME_API", "h:1"), (variable, "true")),
            () => new InlineRoute((_, res) => res.Send("hi")), new CapturedLog());

        Assert.Equal(0, exit);
        var (id, body) = Assert.Single(client.Responses);
        Assert.Equal("1", id);
        Assert.Contains("\"body\":\"hi\"", body);
    }

    [Fact]
    public async Task Runtime_api_failure_ends_the_process_with_1()
    {
        var log = new CapturedLog();

        var exit = await Host(new ScriptedClient(), new FakeEnvironment(("AWS_LAMBDA_RUNTIME_API", "h:1")),
            () => new InlineRoute((_, res) => res.End()), log);

        Assert.Equal(1, exit);
        Assert.Contains("Runtime API failure, exiting", log.Text);
    }
}
