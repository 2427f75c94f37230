using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;
using Xunit.Abstractions;
using LambdaRoutes.Local.RuntimeApi;

namespace LambdaRoutes.Runtime.Tests.Aot;

/// <summary>
/// The published bootstrap at Lambda's payload limits with 128 MB of memory: a synchronous invocation carries at most
/// 6 MB of event and 6 MB of response (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html), and a
/// process whose resident memory passes the function's memory size is killed. The route echoes each body back, so one
/// invocation is a 6 MB request and a 6 MB response; peak RSS (VmHWM) must stay at or below 96 MB — three quarters
/// of the memory size, leaving room for what a real handler keeps — over a stream of such invocations.
/// </summary>
[Collection(AotCollection.Name)]
public sealed class AotPayloadMemoryTests(AotPublishFixture aot, ITestOutputHelper output)
{
    private const double PeakLimitMb = 96;
    private const int MaxEventBytes = 6 * 1024 * 1024;

    [Fact]
    public async Task Six_mb_base64_and_text_bodies_echoed_at_128_mb_peak_at_or_below_96_mb_rss()
    {
        Assert.True(aot.PublishExitCode == 0, "publish failed:\n" + aot.PublishLog);
        await using var api = await QueuedRuntimeApi.StartAsync();
        using var bootstrap = new BootstrapProcess(aot, api.Endpoint,
            ("AOT_FIXTURE_ROUTE", "payload"), ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"));

        // Largest bodies whose events stay within 6 MB: base64 grows bytes by 4/3; the rest of the event is ~1 KB.
        var binary = new byte[(MaxEventBytes - 16 * 1024) / 4 * 3];
        new Random(12).NextBytes(binary);
        var text = new string('t', MaxEventBytes - 16 * 1024);
        var events = new[]
        {
            new HttpApiEventBuilder().Post("/api/aot/payload").Body(binary).ToJson(),
            new HttpApiEventBuilder().Post("/api/aot/payload").Body(text, "text/plain").ToJson(),
        };
        Assert.All(events, e => Assert.InRange(e.Length, MaxEventBytes - 32 * 1024, MaxEventBytes));
        var binaryHash = SHA256.HashData(binary);
        var textHash = SHA256.HashData(Encoding.UTF8.GetBytes(text));

        const int invocations = 20;
        for (var i = 0; i < invocations; i++)
        {
            var isBinary = i % 2 == 0;
            api.Enqueue("payload-" + i, events[i % 2]);
            var post = await api.NextPostAsync(60);
            Assert.Equal($"/2018-06-01/runtime/invocation/payload-{i}/response", post.Path);
            Assert.InRange(post.Body.Length, MaxEventBytes - 32 * 1024, MaxEventBytes);
            using var answer = JsonDocument.Parse(post.Body);
            Assert.Equal(200, answer.RootElement.GetProperty("statusCode").GetInt32());
            Assert.Equal(isBinary, answer.RootElement.GetProperty("isBase64Encoded").GetBoolean());
            var body = answer.RootElement.GetProperty("body");
            Assert.Equal(isBinary ? binaryHash : textHash,
                SHA256.HashData(isBinary ? body.GetBytesFromBase64() : Encoding.UTF8.GetBytes(body.GetString()!)));
            output.WriteLine($"#{i + 1} ({(isBinary ? "base64" : "text")}): VmRSS {ProcessMemory.RssMb(bootstrap.Pid):0.0} MB, " +
                             $"VmHWM {ProcessMemory.PeakRssMb(bootstrap.Pid):0.0} MB");
        }

        var peak = ProcessMemory.PeakRssMb(bootstrap.Pid);
        Assert.False(bootstrap.HasExited, bootstrap.Output);
        Assert.True(peak <= PeakLimitMb,
            $"peak RSS {peak:0.0} MB over {invocations} invocations of 6 MB in and out at 128 MB; limit {PeakLimitMb} MB\n{bootstrap.Output}");
    }
}
