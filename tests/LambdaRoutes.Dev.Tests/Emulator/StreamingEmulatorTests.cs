using System.Text;
using System.Text.Json;
using LambdaRoutes.Local;

namespace LambdaRoutes.Dev.Tests.Emulator;

/// <summary><see cref="LambdaEmulator.InvokeStreamingAsync"/> against a real runtime process (Node.js) that streams.</summary>
public sealed class StreamingEmulatorTests : IDisposable
{
    private readonly string _signal = Path.Combine(Path.GetTempPath(), $"lambda-routes-signal-{Guid.NewGuid():N}");

    private static byte[] Event(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    private static async Task<string> ReadToEndAsync(IAsyncEnumerator<ReadOnlyMemory<byte>> chunks, StringBuilder text)
    {
        while (await chunks.MoveNextAsync()) text.Append(Encoding.UTF8.GetString(chunks.Current.Span));
        return text.ToString();
    }

    [Fact]
    public async Task Chunks_are_readable_while_the_runtime_is_still_streaming()
    {
        await using var lambda = new LambdaEmulator();
        lambda.AddFunction(NodeRuntime.Function("streams"));

        var call = await lambda.InvokeStreamingAsync("streams", Event(new { action = "stream", signal = _signal }));
        var stream = Assert.IsType<StreamedResponse>(call.Response);
        await using var chunks = stream.ReadChunksAsync().GetAsyncEnumerator();
        var text = new StringBuilder();
        while (!text.ToString().Contains("part1;", StringComparison.Ordinal) && await chunks.MoveNextAsync())
            text.Append(Encoding.UTF8.GetString(chunks.Current.Span));

        // The runtime cannot finish before the signal exists: part1 was handed over while it was still streaming.
        Assert.Equal("part1;", text.ToString());
        Assert.False(call.Completion.IsCompleted);
        Assert.Equal(InstanceState.Busy, Assert.Single(lambda.GetInstances("streams")).State);

        await File.WriteAllTextAsync(_signal, "go");
        Assert.Equal("part1;part2", await ReadToEndAsync(chunks, text));
        var result = await call.Completion;
        Assert.Equal(InvocationOutcome.Success, result.Outcome);
        Assert.Empty(result.Payload);
        Assert.Equal(11, stream.BytesReceived);
        Assert.Equal(InstanceState.Idle, Assert.Single(lambda.GetInstances("streams")).State);
    }

    [Fact]
    public async Task A_trailer_error_after_the_chunks_is_the_final_result()
    {
        await using var lambda = new LambdaEmulator();
        lambda.AddFunction(NodeRuntime.Function("streams"));

        var call = await lambda.InvokeStreamingAsync("streams", Event(new { action = "stream-error" }));
        await using var chunks = Assert.IsType<StreamedResponse>(call.Response).ReadChunksAsync().GetAsyncEnumerator();
        var body = await ReadToEndAsync(chunks, new StringBuilder());
        var result = await call.Completion;

        Assert.Equal("part1;part2", body);
        Assert.Equal(InvocationOutcome.FunctionError, result.Outcome);
        Assert.Equal("StreamFailed", result.ErrorType);
        Assert.Equal("mid-stream", JsonDocument.Parse(result.Payload).RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task A_buffered_answer_has_no_stream_and_arrives_whole()
    {
        await using var lambda = new LambdaEmulator();
        lambda.AddFunction(NodeRuntime.Function("buffered"));

        var call = await lambda.InvokeStreamingAsync("buffered", Event(new { n = 7 }));

        Assert.Null(call.Response);
        Assert.True(call.Completion.IsCompleted);
        var result = await call.Completion;
        Assert.Equal(InvocationOutcome.Success, result.Outcome);
        Assert.Equal(7, JsonDocument.Parse(result.Payload).RootElement.GetProperty("event").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task A_stream_past_the_limit_ends_as_response_size_too_large()
    {
        await using var lambda = new LambdaEmulator(new EmulatorOptions { MaxStreamedResponseBytes = 8 });
        lambda.AddFunction(NodeRuntime.Function("streams"));

        var call = await lambda.InvokeStreamingAsync("streams", Event(new { action = "stream" }));
        await using var chunks = Assert.IsType<StreamedResponse>(call.Response).ReadChunksAsync().GetAsyncEnumerator();
        var body = await ReadToEndAsync(chunks, new StringBuilder());
        var result = await call.Completion;

        Assert.True(body.Length <= 8, $"{body.Length} bytes got through an 8-byte limit");
        Assert.Equal(InvocationOutcome.FunctionError, result.Outcome);
        Assert.Equal("Function.ResponseSizeTooLarge", result.ErrorType);
    }

    [Fact]
    public async Task A_stream_still_open_at_the_timeout_ends_and_its_process_is_killed()
    {
        await using var lambda = new LambdaEmulator();
        lambda.AddFunction(NodeRuntime.Function("stalls", timeoutSeconds: 1));

        var call = await lambda.InvokeStreamingAsync("stalls", Event(new { action = "stream", signal = _signal }));
        var pid = Assert.Single(lambda.GetInstances("stalls")).ProcessId;
        await using var chunks = Assert.IsType<StreamedResponse>(call.Response).ReadChunksAsync().GetAsyncEnumerator();
        var body = await ReadToEndAsync(chunks, new StringBuilder());
        var result = await call.Completion;

        Assert.Equal("part1;", body);
        Assert.Equal(InvocationOutcome.Timeout, result.Outcome);
        Assert.True(LambdaEmulatorTests.ProcessIsGone(pid), "the timed-out streaming runtime is still running");
        Assert.Empty(lambda.GetInstances("stalls"));
    }

    public void Dispose() => File.Delete(_signal);
}
