using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LambdaRoutes.Local;

namespace LambdaRoutes.Dev.Tests.Emulator;

/// <summary>The emulator against a real runtime process (Node.js), through its Runtime API on 127.0.0.1.</summary>
public sealed class LambdaEmulatorTests
{
    private static byte[] Event(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    private static JsonElement Json(InvocationResult result) => JsonDocument.Parse(result.Payload).RootElement;

    [Fact]
    public async Task First_invocation_is_cold_and_the_next_reuses_the_instance()
    {
        await using var lambda = new LambdaEmulator();
        lambda.AddFunction(NodeRuntime.Function("echo", memory: 512));

        var first = await lambda.InvokeAsync("echo", Event(new { n = 1 }));
        var second = await lambda.InvokeAsync("echo", Event(new { n = 2 }));

        Assert.Equal(InvocationOutcome.Success, first.Outcome);
        Assert.True(first.ColdStart);
        Assert.NotNull(first.InitDuration);
        Assert.False(second.ColdStart);
        Assert.Null(second.InitDuration);
        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.Equal(Json(first).GetProperty("pid").GetInt32(), Json(second).GetProperty("pid").GetInt32());
        Assert.Equal(2, Json(second).GetProperty("count").GetInt32());
        Assert.Equal(2, Json(second).GetProperty("event").GetProperty("n").GetInt32());
        var info = Assert.Single(lambda.GetInstances("echo"));
        Assert.Equal(2, info.Invocations);
        Assert.Equal(InstanceState.Idle, info.State);
    }

    [Fact]
    public async Task Runtime_gets_lambda_environment_and_next_headers()
    {
        await using var lambda = new LambdaEmulator(new EmulatorOptions { Region = "eu-west-2", AccountId = "123456789012" });
        lambda.AddFunction(NodeRuntime.Function("env-check", timeoutSeconds: 7, memory: 512));

        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var result = await lambda.InvokeAsync("env-check", Event(new { }));
        var body = Json(result);

        Assert.Equal(result.RequestId, body.GetProperty("requestId").GetString());
        var deadline = body.GetProperty("deadline").GetInt64();
        Assert.InRange(deadline, before + 6_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 7_000);
        Assert.Equal("arn:aws:lambda:eu-west-2:123456789012:function:env-check", body.GetProperty("arn").GetString());
        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$", body.GetProperty("trace").GetString());
        var env = body.GetProperty("env");
        Assert.Equal("env-check", env.GetProperty("name").GetString());
        Assert.Equal("512", env.GetProperty("memory").GetString());
        Assert.Equal("$LATEST", env.GetProperty("version").GetString());
        Assert.Equal("index.handler", env.GetProperty("handler").GetString());
        Assert.Equal("eu-west-2", env.GetProperty("region").GetString());
        Assert.Equal("/aws/lambda/env-check", env.GetProperty("logGroup").GetString());
        Assert.Equal("yes", env.GetProperty("custom").GetString());
    }

    [Fact]
    public async Task Function_error_is_reported_with_its_type_and_the_instance_stays_warm()
    {
        await using var lambda = new LambdaEmulator();
        lambda.AddFunction(NodeRuntime.Function("failing"));

        var failed = await lambda.InvokeAsync("failing", Event(new { action = "fail" }));
        var after = await lambda.InvokeAsync("failing", Event(new { }));

        Assert.Equal(InvocationOutcome.FunctionError, failed.Outcome);
        Assert.Equal("TestError", failed.ErrorType);
        Assert.Equal("boom", Json(failed).GetProperty("errorMessage").GetString());
        Assert.Equal(InvocationOutcome.Success, after.Outcome);
        Assert.Equal(failed.InstanceId, after.InstanceId);
    }

    [Fact]
    public async Task Timeout_kills_the_instance_and_the_next_invocation_is_cold()
    {
        await using var lambda = new LambdaEmulator();
        lambda.AddFunction(NodeRuntime.Function("slow", timeoutSeconds: 1));

        var warmup = await lambda.InvokeAsync("slow", Event(new { }));
        var pid = Json(warmup).GetProperty("pid").GetInt32();
        var watch = Stopwatch.StartNew();
        var timedOut = await lambda.InvokeAsync("slow", Event(new { action = "sleep", ms = 20_000 }));
        watch.Stop();
        var next = await lambda.InvokeAsync("slow", Event(new { }));

        Assert.Equal(InvocationOutcome.Timeout, timedOut.Outcome);
        Assert.Equal("Sandbox.Timedout", timedOut.ErrorType);
        Assert.Contains("Task timed out after 1.00 seconds", Json(timedOut).GetProperty("errorMessage").GetString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the timeout took {watch.Elapsed}");
        Assert.True(ProcessIsGone(pid), "the timed-out runtime process is still running");
        Assert.True(next.ColdStart);
        Assert.NotEqual(timedOut.InstanceId, next.InstanceId);
    }

    [Fact]
    public async Task Init_error_answers_the_first_invocation()
    {
        await using var lambda = new LambdaEmulator();
        lambda.AddFunction(NodeRuntime.Function("init-fails", mode: "init-error"));

        var result = await lambda.InvokeAsync("init-fails", Event(new { }));

        Assert.Equal(InvocationOutcome.InitError, result.Outcome);
        Assert.Equal("Runtime.TestInit", result.ErrorType);
        Assert.Equal("bad config", Json(result).GetProperty("errorMessage").GetString());
        Assert.Empty(lambda.GetInstances("init-fails"));
    }

    [Fact]
    public async Task Exit_during_init_or_invocation_is_an_exit_error()
    {
        await using var lambda = new LambdaEmulator();
        lambda.AddFunction(NodeRuntime.Function("crash-init", mode: "crash-at-init"));
        lambda.AddFunction(NodeRuntime.Function("crash-invoke"));

        var atInit = await lambda.InvokeAsync("crash-init", Event(new { }));
        var atInvoke = await lambda.InvokeAsync("crash-invoke", Event(new { action = "exit" }));

        Assert.Equal(InvocationOutcome.InitError, atInit.Outcome);
        Assert.Equal("Runtime.ExitError", atInit.ErrorType);
        Assert.Contains("exit status 3", Json(atInit).GetProperty("errorMessage").GetString());
        Assert.Equal(InvocationOutcome.RuntimeExited, atInvoke.Outcome);
        Assert.Contains("exit status 7", Json(atInvoke).GetProperty("errorMessage").GetString());
        Assert.Empty(lambda.GetInstances("crash-invoke"));
    }

    [Fact]
    public async Task Payload_limits_are_lambdas()
    {
        var lines = new List<string>();
        await using var lambda = new LambdaEmulator(new EmulatorOptions { Log = l => { lock (lines) lines.Add(l.Line); } });
        lambda.AddFunction(NodeRuntime.Function("limits"));

        var tooBig = await lambda.InvokeAsync("limits", new byte[6 * 1024 * 1024 + 1]);
        var hugeResponse = await lambda.InvokeAsync("limits", Event(new { action = "huge" }));

        Assert.Equal(InvocationOutcome.RequestTooLarge, tooBig.Outcome);
        Assert.Equal(0, tooBig.InstanceId);
        Assert.Equal(InvocationOutcome.FunctionError, hugeResponse.Outcome);
        Assert.Equal("Function.ResponseSizeTooLarge", hugeResponse.ErrorType);
        await WaitUntil(() => { lock (lines) return lines.Contains("huge response answered 413"); });
    }

    [Fact]
    public async Task Streamed_responses_are_collected_and_a_trailer_error_is_a_function_error()
    {
        await using var lambda = new LambdaEmulator();
        lambda.AddFunction(NodeRuntime.Function("streams"));

        var streamed = await lambda.InvokeAsync("streams", Event(new { action = "stream" }));
        var failed = await lambda.InvokeAsync("streams", Event(new { action = "stream-error" }));

        Assert.Equal(InvocationOutcome.Success, streamed.Outcome);
        Assert.Equal("part1;part2", Encoding.UTF8.GetString(streamed.Payload));
        Assert.Equal(InvocationOutcome.FunctionError, failed.Outcome);
        Assert.Equal("StreamFailed", failed.ErrorType);
        Assert.Equal("mid-stream", Json(failed).GetProperty("errorMessage").GetString());
        Assert.Equal(streamed.InstanceId, failed.InstanceId);
    }

    [Fact]
    public async Task A_response_for_another_request_id_is_refused()
    {
        await using var lambda = new LambdaEmulator();
        lambda.AddFunction(NodeRuntime.Function("ids"));

        var result = await lambda.InvokeAsync("ids", Event(new { action = "wrong-id" }));

        Assert.Equal(InvocationOutcome.Success, result.Outcome);
        Assert.Equal(400, Json(result).GetProperty("wrongIdStatus").GetInt32());
    }

    [Fact]
    public async Task Busy_instances_make_new_ones_and_dispose_leaves_no_process()
    {
        var lines = new List<InstanceLogLine>();
        var lambda = new LambdaEmulator(new EmulatorOptions { Log = l => { lock (lines) lines.Add(l); } });
        lambda.AddFunction(NodeRuntime.Function("parallel"));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            lambda.InvokeAsync("parallel", Event(new { action = "sleep", ms = 500 }))));
        var pids = lambda.GetInstances("parallel").Select(i => i.ProcessId).ToList();
        await lambda.DisposeAsync();

        Assert.All(results, r => Assert.Equal(InvocationOutcome.Success, r.Outcome));
        Assert.Equal(4, results.Select(r => r.InstanceId).Distinct().Count());
        Assert.All(results, r => Assert.True(r.ColdStart));
        Assert.Equal(4, pids.Count);
        Assert.All(pids, pid => Assert.True(ProcessIsGone(pid), $"process {pid} outlived the emulator"));
        lock (lines)
        {
            Assert.Contains(lines, l => l.Function == "parallel" && l.Line.StartsWith("handled ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Unknown_function_and_duplicate_names_are_errors()
    {
        await using var lambda = new LambdaEmulator();
        lambda.AddFunction(NodeRuntime.Function("one"));

        Assert.Throws<ArgumentException>(() => lambda.AddFunction(NodeRuntime.Function("one")));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => lambda.InvokeAsync("two", Encoding.UTF8.GetBytes("{}")));
    }

    internal static bool ProcessIsGone(int pid)
    {
        // A killed child stays a zombie until reaped; /proc/<pid>/stat shows state Z then. Both count as gone.
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat)) return true;
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    internal static async Task WaitUntil(Func<bool> condition, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(50);
        }
    }
}
