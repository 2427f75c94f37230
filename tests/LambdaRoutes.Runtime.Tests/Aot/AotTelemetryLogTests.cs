using System.IO.Pipes;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using LambdaRoutes.Core;
using LambdaRoutes.Runtime.Tests.Core;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;
using Xunit.Abstractions;
using LambdaRoutes.Local.RuntimeApi;

namespace LambdaRoutes.Runtime.Tests.Aot;

/// <summary>
/// <c>_LAMBDA_TELEMETRY_LOG_FD</c> end to end (aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Helpers/FileDescriptorLogStream.cs): the published AOT <c>bootstrap</c> inherits the write end
/// of a pipe, as a runtime does on Lambda, and the record of a handler's unhandled error (message, exception and stack
/// trace over several lines) arrives as one frame on it, and not on stdout.
/// </summary>
[Collection(AotCollection.Name)]
public sealed class AotTelemetryLogTests(AotPublishFixture aot, ITestOutputHelper output)
{
    [Theory]
    [InlineData("Text", LogSink.TextFrameType)]
    [InlineData("JSON", LogSink.JsonFrameType)]
    public async Task An_unhandled_error_and_its_stack_trace_are_one_frame_on_the_inherited_descriptor_and_nothing_on_stdout(
        string format, uint type)
    {
        Assert.True(aot.PublishExitCode == 0, "publish failed:\n" + aot.PublishLog);
        var requestId = "telemetry-" + format.ToLowerInvariant();
        await using var api = await QueuedRuntimeApi.StartAsync();
        api.Enqueue(requestId, new HttpApiEventBuilder().Get("/api/aot/boom").ToJson());
        using var pipe = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.Inheritable);
        var before = DateTimeOffset.UtcNow;
        BootstrapProcess bootstrap;
        try
        {
            // Run once: the process exits after the invocation, so its stdout has been read to the end before the
            // assertion that the record is not on it.
            bootstrap = new BootstrapProcess(aot, api.Endpoint, ("LAMBDA_ROUTES_RUN_ONCE", "true"),
                ("AWS_LAMBDA_LOG_FORMAT", format), (LogSink.TelemetryFdVariable, pipe.GetClientHandleAsString()));
        }
        finally
        {
            // Only the child holds the write end now (and, briefly, any process another test started meanwhile).
            pipe.DisposeLocalCopyOfClientHandle();
        }
        using var _ = bootstrap;
        var frames = Drain(pipe);

        var post = await api.NextPostAsync();
        var exit = await bootstrap.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var after = DateTimeOffset.UtcNow;
        // Up to the record that names the request, within a deadline, not to the end of the pipe: a process another
        // test started while the write end was inheritable keeps the pipe open for as long as it runs.
        var received = new List<TelemetryFrame>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (!received.Any(f => f.Message.Contains(requestId)))
                received.Add(await frames.ReadAsync(deadline.Token));
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            Assert.Fail($"no frame names {requestId} ({ex.GetType().Name}); frames: [{string.Join(" | ", received.Select(f => f.Message))}]\n" +
                        "stdout:\n" + bootstrap.Output);
        }
        foreach (var f in received) output.WriteLine($"frame 0x{f.Type:x8} {f.Timestamp:O}: {f.Message}");
        output.WriteLine("stdout:\n" + bootstrap.Output);

        Assert.Equal($"/2018-06-01/runtime/invocation/{requestId}/response", post.Path);
        Assert.Equal(500, (int)JsonNode.Parse(post.Text)!["statusCode"]!);
        Assert.Equal(0, exit);
        var frame = received[^1];
        Assert.Equal(type, frame.Type);
        Assert.InRange(frame.Microseconds, (ulong)before.ToUnixTimeMilliseconds() * 1000, ((ulong)after.ToUnixTimeMilliseconds() + 1) * 1000);
        Assert.DoesNotContain(received.SkipLast(1), f => f.Message.Contains("boom from the handler"));
        var message = $"Unhandled error in GET /api/aot/boom (request {requestId})";
        if (type == LogSink.TextFrameType)
        {
            // The whole record in the one frame: header, message, exception, then its stack trace lines.
            Assert.Matches(new Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t" + requestId + @"\tfail\t" + Regex.Escape(message) +
                                     @"\nSystem\.InvalidOperationException: boom from the handler(\n   at [^\n]+)+$"), frame.Message);
            Assert.Contains("AotFixture.AotRoute.HandleAsync", frame.Message);
        }
        else
        {
            var json = JsonNode.Parse(frame.Message)!;
            Assert.Equal(requestId, (string?)json["requestId"]);
            Assert.Equal(message, (string?)json["message"]);
            Assert.Equal("System.InvalidOperationException", (string?)json["errorType"]);
            Assert.Equal("boom from the handler", (string?)json["errorMessage"]);
            var stackTrace = json["stackTrace"]!.AsArray().Select(l => (string)l!).ToList();
            Assert.NotEmpty(stackTrace);
            Assert.Contains(stackTrace, l => l.Contains("AotFixture.AotRoute.HandleAsync"));
        }
        Assert.DoesNotContain(requestId, bootstrap.Output);
        Assert.DoesNotContain("boom from the handler", bootstrap.Output);
    }

    /// <summary>Frames as they arrive, read on a thread of their own: a pipe read cannot be cancelled, a wait for a frame can.</summary>
    private static ChannelReader<TelemetryFrame> Drain(Stream pipe)
    {
        var channel = Channel.CreateUnbounded<TelemetryFrame>();
        _ = Task.Factory.StartNew(() =>
        {
            try
            {
                while (TelemetryFrames.Read(pipe) is { } frame) channel.Writer.TryWrite(frame);
                channel.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                // A torn frame (an assertion in Read) or the pipe disposed at the end of the test.
                channel.Writer.TryComplete(ex);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return channel.Reader;
    }
}
