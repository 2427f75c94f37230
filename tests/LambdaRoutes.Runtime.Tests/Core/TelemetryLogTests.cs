using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LambdaRoutes.Core;
using LambdaRoutes.Runtime.Tests.Support;

namespace LambdaRoutes.Runtime.Tests.Core;

/// <summary>
/// Logs on <c>_LAMBDA_TELEMETRY_LOG_FD</c> (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html, aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Helpers/FileDescriptorLogStream.cs): one frame per record, so a stack trace stays one
/// CloudWatch record instead of one per line. Real descriptors (a pipe, a file), frames parsed back byte by byte.
/// </summary>
public sealed class TelemetryLogTests
{
    [Theory]
    [InlineData("Text", LogSink.TextFrameType, "pipe")]
    [InlineData("Text", LogSink.TextFrameType, "file")]
    [InlineData("JSON", LogSink.JsonFrameType, "pipe")]
    [InlineData("JSON", LogSink.JsonFrameType, "file")]
    public async Task A_multi_line_exception_record_is_one_frame_holding_what_stdout_would_print_minus_its_newline(
        string format, uint type, string transport)
    {
        using var target = TelemetryTarget.Create(transport);
        var env = new FakeEnvironment(("AWS_LAMBDA_LOG_FORMAT", format), (LogSink.TelemetryFdVariable, target.FdText));
        var stdout = new MemoryStream();
        var sink = LogSink.FromEnvironment(env, stdout);
        var before = DateTimeOffset.UtcNow;
        var record = new LogRecord(DateTimeOffset.UtcNow, "req-7", "Root=1-abc", LogLevel.Error,
            "Unhandled error in GET /api/x (request req-7)\nwith a second line", Thrown());
        var after = DateTimeOffset.UtcNow;

        sink.Write(record);
        var frames = TelemetryFrames.Parse(await target.CloseAndReadAsync());

        var printed = StdoutText(record, sink.Options);
        var frame = Assert.Single(frames);
        Assert.Equal(type, frame.Type);
        Assert.Equal(printed[..^1], frame.Message);
        Assert.InRange(frame.Microseconds, (ulong)before.ToUnixTimeMilliseconds() * 1000, ((ulong)after.ToUnixTimeMilliseconds() + 1) * 1000);
        Assert.True(sink.IsTelemetry);
        Assert.Equal(0, stdout.Length); // records go to the descriptor only
        if (format == "Text")
        {
            // The point of the frame: the message, the exception and its stack trace in one record.
            Assert.True(frame.Message.Split('\n').Length >= 4, frame.Message);
            Assert.Contains("\nSystem.InvalidOperationException: deep failure\n", frame.Message);
            Assert.Contains(nameof(ThrowDeepest), frame.Message);
        }
        else
        {
            var json = JsonNode.Parse(frame.Message)!;
            Assert.Equal("System.InvalidOperationException", (string?)json["errorType"]);
            Assert.True(json["stackTrace"]!.AsArray().Count >= 2);
        }
    }

    [Fact]
    public async Task The_frame_timestamp_is_the_records_own_clock()
    {
        using var target = TelemetryTarget.Pipe();
        var sink = LogSink.FromEnvironment(new FakeEnvironment((LogSink.TelemetryFdVariable, target.FdText)), new MemoryStream());
        ILambdaLogger logger = new InvocationLogger(sink, "req-t");

        logger.LogInformation("one");
        logger.LogWarning("two");
        var frames = TelemetryFrames.Parse(await target.CloseAndReadAsync());

        Assert.Equal(2, frames.Count);
        foreach (var frame in frames)
        {
            // The printed timestamp is the frame's, to the millisecond: both come from the one LogRecord.Timestamp.
            var printed = frame.Message[..frame.Message.IndexOf('\t')];
            Assert.Equal(frame.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), printed);
        }
        Assert.EndsWith("\treq-t\tinfo\tone", frames[0].Message);
        Assert.EndsWith("\treq-t\twarn\ttwo", frames[1].Message);
    }

    [Fact]
    public async Task A_record_larger_than_the_reused_buffer_and_a_small_one_after_it_are_both_exact()
    {
        using var target = TelemetryTarget.Pipe();
        var sink = LogSink.FromEnvironment(new FakeEnvironment((LogSink.TelemetryFdVariable, target.FdText)), new MemoryStream());
        var now = DateTimeOffset.UtcNow;
        // Multi-byte characters: the frame length is in UTF-8 bytes, not chars.
        var big = new LogRecord(now, "r", null, LogLevel.Information, string.Concat(Enumerable.Repeat("grüße ✓\n", 40_000)), null);
        var small = new LogRecord(now, "r", null, LogLevel.Information, "after", null);

        sink.Write(big);
        sink.Write(small);
        sink.Write(big);
        var frames = TelemetryFrames.Parse(await target.CloseAndReadAsync());

        Assert.Equal(3, frames.Count);
        Assert.Equal(StdoutText(big, sink.Options)[..^1], frames[0].Message);
        Assert.Equal(StdoutText(small, sink.Options)[..^1], frames[1].Message);
        Assert.Equal(frames[0].Message, frames[2].Message);
    }

    [Theory]
    [InlineData("pipe")]
    [InlineData("file")]
    public async Task Records_from_many_threads_arrive_as_intact_frames(string transport)
    {
        const int threads = 8, perThread = 150;
        using var target = TelemetryTarget.Create(transport);
        var sink = LogSink.FromEnvironment(new FakeEnvironment((LogSink.TelemetryFdVariable, target.FdText)), new MemoryStream());
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            ILambdaLogger logger = new InvocationLogger(sink, "req-" + t);
            start.SignalAndWait();
            for (var i = 0; i < perThread; i++) logger.LogInformation(Message(t, i));
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        var frames = TelemetryFrames.Parse(await target.CloseAndReadAsync());

        Assert.Equal(threads * perThread, frames.Count);
        var seen = new HashSet<(int, int)>();
        foreach (var frame in frames)
        {
            var match = Regex.Match(frame.Message, @"^[^\t]+\treq-(\d+)\tinfo\tt(\d+) r(\d+)\n", RegexOptions.CultureInvariant);
            Assert.True(match.Success, frame.Message[..Math.Min(200, frame.Message.Length)]);
            var (t, i) = (int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
            Assert.Equal(match.Groups[1].Value, match.Groups[2].Value);
            Assert.Equal(Message(t, i), frame.Message.Split('\t', 4)[3]);
            Assert.True(seen.Add((t, i)), $"t{t} r{i} twice");
        }
        // Every record of a thread keeps its order: the lock serialises writes, and a thread writes one at a time.
        for (var t = 0; t < threads; t++)
        {
            var order = frames.Select(f => f.Message.Split('\t', 4)).Where(p => p[1] == "req-" + t)
                .Select(p => int.Parse(p[3][(p[3].IndexOf(" r", StringComparison.Ordinal) + 2)..p[3].IndexOf('\n')], CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(0, perThread), order);
        }
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("-1")]
    [InlineData("2147483647")] // a number no descriptor this process has open can have
    public void An_unusable_descriptor_falls_back_to_stdout_and_says_so_once(string value)
    {
        var stdout = new MemoryStream();
        var sink = LogSink.FromEnvironment(new FakeEnvironment((LogSink.TelemetryFdVariable, value)), stdout);
        ILambdaLogger logger = new InvocationLogger(sink, "req-f");

        logger.LogInformation("first");
        logger.LogInformation("second");

        Assert.False(sink.IsTelemetry);
        var lines = Encoding.UTF8.GetString(stdout.ToArray()).Split('\n');
        Assert.Equal(4, lines.Length); // notice, two records, the empty rest after the last newline
        Assert.Matches($@"^\S+\t\twarn\t_LAMBDA_TELEMETRY_LOG_FD={Regex.Escape(value)} is not usable \(.+\); logging to stdout instead$", lines[0]);
        Assert.EndsWith("\treq-f\tinfo\tfirst", lines[1]);
        Assert.EndsWith("\treq-f\tinfo\tsecond", lines[2]);
        Assert.Equal("", lines[3]);
    }

    [Fact]
    public void The_fallback_notice_is_written_even_when_the_level_filter_would_drop_a_warning()
    {
        var stdout = new MemoryStream();
        LogSink.FromEnvironment(new FakeEnvironment((LogSink.TelemetryFdVariable, "x"), ("AWS_LAMBDA_LOG_LEVEL", "ERROR")), stdout);

        Assert.Contains("_LAMBDA_TELEMETRY_LOG_FD=x is not usable", Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Fact]
    public void A_descriptor_that_refuses_writes_hands_the_record_and_the_rest_to_stdout_after_one_notice()
    {
        var path = Path.Combine(Path.GetTempPath(), "telemetry-ro-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, []);
        try
        {
            // Open, so start-up accepts it, but read-only, so the first write fails as a closed reader or a revoked
            // descriptor would on Lambda.
            using var readOnly = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
            var stdout = new MemoryStream();
            var env = new FakeEnvironment((LogSink.TelemetryFdVariable, ((int)readOnly.DangerousGetHandle()).ToString(CultureInfo.InvariantCulture)), ("AWS_LAMBDA_LOG_FORMAT", "JSON"));
            var sink = LogSink.FromEnvironment(env, stdout);
            Assert.True(sink.IsTelemetry);
            ILambdaLogger logger = new InvocationLogger(sink, "req-ro");

            logger.LogInformation("lost?");
            logger.LogInformation("next");

            Assert.False(sink.IsTelemetry);
            var lines = Encoding.UTF8.GetString(stdout.ToArray()).TrimEnd('\n').Split('\n').Select(l => JsonNode.Parse(l)!).ToList();
            Assert.Equal(3, lines.Count);
            Assert.Equal("Warning", (string?)lines[0]["level"]);
            Assert.StartsWith("writing to _LAMBDA_TELEMETRY_LOG_FD failed", (string?)lines[0]["message"]);
            Assert.Equal("lost?", (string?)lines[1]["message"]);
            Assert.Equal("next", (string?)lines[2]["message"]);
            Assert.Equal(0, new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Without_the_variable_records_are_lines_on_stdout_as_before()
    {
        var stdout = new MemoryStream();
        var sink = LogSink.FromEnvironment(new FakeEnvironment(), stdout);
        var record = new LogRecord(DateTimeOffset.UtcNow, "r", null, LogLevel.Information, "ends with a newline\n", null);

        sink.Write(record);
        sink.Write(record with { Message = "plain" });

        Assert.False(sink.IsTelemetry);
        var text = Encoding.UTF8.GetString(stdout.ToArray());
        Assert.Equal(LambdaLogFormatter.Format(record) + LambdaLogFormatter.Format(record with { Message = "plain" }) + "\n", text);
    }

    private static string Message(int thread, int index)
    {
        // Multi-line, sizes from empty to well past a pipe's 4 KiB atomic-write limit and the sink's reused buffer.
        var size = index % 37 == 0 ? 70_000 : index * 97 % 6_000;
        return $"t{thread} r{index}\n" + new string((char)('a' + thread), size) + "\nend";
    }

    private static string StdoutText(LogRecord record, LogOptions options)
    {
        var stdout = new MemoryStream();
        new LogSink(stdout, options).Write(record);
        return Encoding.UTF8.GetString(stdout.ToArray());
    }

    private static Exception Thrown()
    {
        try
        {
            ThrowDeeper();
            return null!;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDeeper() => ThrowDeepest();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDeepest() => throw new InvalidOperationException("deep failure");
}
