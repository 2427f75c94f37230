using LambdaRoutes.Cdk;
using System.Net;
using System.Text;
using LambdaRoutes.Dev.Tests.Support;
using LambdaRoutes.Packager.Dev;
using LambdaRoutes.Local.Gateway;
using LambdaRoutes.Packager.Dev.Hosting;
using Xunit.Abstractions;

namespace LambdaRoutes.Dev.Tests.Reliability;

/// <summary>
/// The in-process dev server keeps nothing per request: after a warm-up (JIT, Kestrel's and the sockets' buffer pools
/// growing to their high-water mark, the route instances), 2,000 more real HTTP requests on 127.0.0.1 and a full
/// blocking GC leave the managed heap where it was. Each request carries a 16 KB body that the route echoes back, so
/// keeping any request's bytes (its event, payload or response) would grow the heap by over 60 MB; the margin is what
/// the pools may still add (about 1.5 MB measured) plus room, and would still catch 4 KB kept per request.
/// </summary>
public sealed class MemoryTests(ITestOutputHelper output)
{
    private const int Concurrency = 8;
    private const int Requests = 2000;
    private const long MarginBytes = 8L * 1024 * 1024;

    [Fact]
    public async Task The_in_process_server_retains_nothing_per_request()
    {
        // Startup output is kept for a failure message; request lines are dropped, so the log retains nothing either.
        var startup = new LogWriter();
        var started = false;
        Action<string> log = line =>
        {
            if (!Volatile.Read(ref started)) startup.WriteLine(line);
        };
        var options = new DevOptions(TestApp.Shared.Dir, Port: 0, Aot: false, Flavor: ApiKind.Http, Watch: false);
        var host = await InProcessHost.StartAsync(options, log, CancellationToken.None)
                   ?? throw new InvalidOperationException("dev did not start:\n" + startup);
        await using var server = await DevServer.StartAsync(options, host, log);
        Volatile.Write(ref started, true);
        // No cookie container: the route sets cookies, and the client's own state is not the server's.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var body = "{\"payload\":\"" + new string('x', 16 * 1024) + "\"}";

        await SendAsync(client, body, Requests / 2);
        var before = ManagedHeapAfterFullGc();
        await SendAsync(client, body, Requests);
        var after = ManagedHeapAfterFullGc();

        output.WriteLine($"managed heap after a full GC: {before / 1024} KB before, {after / 1024} KB after {Requests} requests");
        Assert.True(after - before < MarginBytes,
            $"the managed heap grew by {(after - before) / 1024} KB over {Requests} requests ({(after - before) / Requests} bytes each)");
    }

    private static async Task SendAsync(HttpClient client, string body, int count)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync("/api/echo", content);
                var text = await response.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains(body, text, StringComparison.Ordinal);
            }
        }));
    }

    private static long ManagedHeapAfterFullGc()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
