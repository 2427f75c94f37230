using LambdaRoutes.Cdk;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using LambdaRoutes.Dev.Tests.Support;
using LambdaRoutes.Packager.Dev;
using LambdaRoutes.Local.Gateway;
using LambdaRoutes.Packager.Dev.Hosting;
using Xunit.Abstractions;

namespace LambdaRoutes.Dev.Tests.Reliability;

/// <summary>
/// Load: <c>dev --aot</c> on 127.0.0.1 (real Native AOT bootstraps under the emulator) takes 2,000 requests at
/// concurrency 16 over three routes in two rounds with zero failures; the instances' RSS does not keep growing between
/// rounds; after shutdown no bootstrap process is left. Bounded: an in-test HttpClient, no external tool.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Concurrency = 16;
    private const int PerRound = 1000;
    private static readonly string[] Functions = ["Hello-ApiEcho", "Hello-ApiHealth", "Hello-ApiUsersId"];

    private static string PathFor(int i) => (i % 3) switch
    {
        0 => $"/api/echo?n={i}",
        1 => "/api/health",
        _ => $"/api/users/{1 + i % 3}",
    };

    private static bool Valid(int i, HttpStatusCode status, string body) => (i % 3) switch
    {
        0 => status == HttpStatusCode.OK && JsonNode.Parse(body)!["query"]!["n"]!.GetValue<string>() == i.ToString(CultureInfo.InvariantCulture),
        1 => status == HttpStatusCode.OK && body == "ok",
        _ => status == HttpStatusCode.OK && JsonNode.Parse(body)!["id"]!.GetValue<string>() == (1 + i % 3).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Runs <paramref name="count"/> requests with <see cref="Concurrency"/> workers; returns the failures.</summary>
    private static async Task<List<string>> RoundAsync(HttpClient client, int offset, int count)
    {
        var failures = new List<string>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var n = offset + i;
                try
                {
                    using var response = await client.GetAsync(PathFor(n));
                    var body = await response.Content.ReadAsStringAsync();
                    if (!Valid(n, response.StatusCode, body))
                        lock (failures) failures.Add($"{PathFor(n)} → {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
                }
                catch (Exception ex)
                {
                    lock (failures) failures.Add($"{PathFor(n)} → {ex.GetType().Name}: {ex.Message}");
                }
            }
        }));
        return failures;
    }

    private static long RssKb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return 0;
    }

    private static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z'; // a zombie has exited
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Two_thousand_requests_at_concurrency_16_fail_none_keep_rss_flat_and_leave_no_process()
    {
        var log = new LogWriter();
        var server = await DevServer.StartAsync(new DevOptions(TestApp.Shared.Dir, Port: 0, Aot: true, Flavor: ApiKind.Http, Watch: false), log)
                     ?? throw new InvalidOperationException("dev --aot did not start:\n" + log);
        var pids = new HashSet<int>();
        var disposed = false;
        try
        {
            var emulator = ((AotHost)server.Host).Emulator;
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency };
            using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            Assert.Equal("127.0.0.1", server.BaseAddress.Host);

            // Warm-up: start the instances the load will use, so round 1 measures warm RSS.
            Assert.Empty(await RoundAsync(client, 0, 3 * Concurrency));
            long Rss() => Functions.SelectMany(emulator.GetInstances).Sum(i => RssKb(i.ProcessId));
            var rssWarm = Rss();

            var clock = Stopwatch.StartNew();
            var failures1 = await RoundAsync(client, 0, PerRound).WaitAsync(TimeSpan.FromSeconds(120));
            var round1 = clock.Elapsed;
            var rss1 = Rss();
            clock.Restart();
            var failures2 = await RoundAsync(client, PerRound, PerRound).WaitAsync(TimeSpan.FromSeconds(120));
            var round2 = clock.Elapsed;
            var rss2 = Rss();

            var instances = Functions.SelectMany(emulator.GetInstances).ToList();
            foreach (var i in instances) pids.Add(i.ProcessId);
            output.WriteLine($"dev --aot load: {2 * PerRound} requests at concurrency {Concurrency} over {string.Join(", ", Functions)}");
            output.WriteLine($"  round 1: {round1.TotalSeconds:F1} s ({PerRound / round1.TotalSeconds:F0} req/s), {failures1.Count} failed");
            output.WriteLine($"  round 2: {round2.TotalSeconds:F1} s ({PerRound / round2.TotalSeconds:F0} req/s), {failures2.Count} failed");
            output.WriteLine($"  instances: {instances.Count} ({string.Join(", ", Functions.Select(f => $"{f}: {emulator.GetInstances(f).Count}"))}), " +
                             $"{instances.Sum(i => i.Invocations)} invocations");
            output.WriteLine($"  total instance RSS: warm {rssWarm / 1024.0:F1} MB, after round 1 {rss1 / 1024.0:F1} MB, after round 2 {rss2 / 1024.0:F1} MB");

            Assert.True(failures1.Count == 0, string.Join("\n", failures1.Take(10)));
            Assert.True(failures2.Count == 0, string.Join("\n", failures2.Take(10)));
            Assert.True(instances.Sum(i => i.Invocations) >= 2 * PerRound, "every request ran in a bootstrap");
            // Stable: a second round of the same load does not grow the instances by more than a few MB each (no per-request leak).
            Assert.True(rss2 <= rss1 + 8 * 1024 * instances.Count, $"RSS grew from {rss1} kB to {rss2} kB over round 2");
            Assert.True(rss1 <= rssWarm * 3 + 32 * 1024, $"RSS grew from {rssWarm} kB to {rss1} kB over round 1");
            Assert.All(pids, pid => Assert.True(Alive(pid), $"instance {pid} died under load"));

            await server.DisposeAsync();
            disposed = true;
            // Shutdown kills every instance; allow the kernel a moment to reap them.
            for (var wait = 0; wait < 100 && pids.Any(Alive); wait++) await Task.Delay(100);
            output.WriteLine($"  after shutdown: {pids.Count(Alive)} of {pids.Count} bootstrap processes alive");
            Assert.DoesNotContain(pids, Alive);
        }
        finally
        {
            if (!disposed) await server.DisposeAsync();
        }
    }
}
