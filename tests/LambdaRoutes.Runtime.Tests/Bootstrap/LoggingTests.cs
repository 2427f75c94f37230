using System.Text.Json.Nodes;
using LambdaRoutes.Core;
using LambdaRoutes.Runtime.Tests.Support;

namespace LambdaRoutes.Runtime.Tests.Bootstrap;

/// <summary>The Lambda log formats and level filter (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html, aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Helpers/Logging/).</summary>
public sealed class LoggingTests
{
    [Fact]
    public void Text_format_is_timestamp_request_id_level_message()
    {
        var log = new CapturedLog();
        ILambdaLogger logger = new InvocationLogger(log.Sink, "req-1");

        logger.LogWarning("careful");
        logger.LogError(new InvalidOperationException("bad"), "failed");

        var lines = log.Text.Split('\n');
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\treq-1\twarn\tcareful$", lines[0]);
        Assert.Matches(@"^\S+\treq-1\tfail\tfailed$", lines[1]);
        Assert.Equal("System.InvalidOperationException: bad", lines[2]);
    }

    [Fact]
    public void Json_format_carries_request_and_trace_ids_and_the_exception()
    {
        var log = new CapturedLog(new LogOptions(Json: true, LogLevel.Trace));
        ILambdaLogger logger = new InvocationLogger(log.Sink, "req-2", "Root=1-t");
        Exception error;
        try { throw new TimeoutException("slow"); } catch (Exception ex) { error = ex; }

        logger.LogError(error, "it broke");

        var json = JsonNode.Parse(log.Text)!.AsObject();
        Assert.Equal(new[] { "timestamp", "level", "requestId", "traceId", "message", "errorType", "errorMessage", "stackTrace" }, json.Select(p => p.Key));
        Assert.Equal("Error", (string?)json["level"]);
        Assert.Equal("req-2", (string?)json["requestId"]);
        Assert.Equal("Root=1-t", (string?)json["traceId"]);
        Assert.Equal("System.TimeoutException", (string?)json["errorType"]);
        Assert.NotEmpty(json["stackTrace"]!.AsArray());
    }

    [Fact]
    public void Records_below_the_configured_level_are_dropped()
    {
        var env = new FakeEnvironment(("AWS_LAMBDA_LOG_LEVEL", "WARN"), ("AWS_LAMBDA_LOG_FORMAT", "Text"));
        var log = new CapturedLog(LogOptions.From(env));
        ILambdaLogger logger = new InvocationLogger(log.Sink, "r");

        logger.LogDebug("noise");
        logger.LogInformation("info");
        logger.LogWarning("kept");

        Assert.DoesNotContain("noise", log.Text);
        Assert.DoesNotContain("info\t", log.Text);
        Assert.Contains("\twarn\tkept", log.Text);
    }

    [Theory]
    [InlineData(null, null, false, LogLevel.Trace)]
    [InlineData("JSON", "fatal", true, LogLevel.Critical)]
    [InlineData("text", "Debug", false, LogLevel.Debug)]
    public void Options_come_from_the_advanced_logging_variables(string? format, string? level, bool json, LogLevel minimum)
    {
        var env = new FakeEnvironment();
        if (format is not null) env.Set("AWS_LAMBDA_LOG_FORMAT", format);
        if (level is not null) env.Set("AWS_LAMBDA_LOG_LEVEL", level);

        Assert.Equal(new LogOptions(json, minimum), LogOptions.From(env));
    }
}
