using System.Net;
using System.Text.Json.Nodes;
using LambdaRoutes.Dev.Tests.Support;
using LambdaRoutes.Packager.Dev;

namespace LambdaRoutes.Dev.Tests.Dev;

/// <summary>
/// The default mode runs a route as Lambda does: one invocation per instance at a time, a new instance (cold) for a
/// request that finds them all busy, an idle one reused (warm), a timed-out one dropped.
/// </summary>
public sealed class InstancePoolTests : IAsyncLifetime
{
    private readonly TestApp _app = TestApp.Create("pool");
    private readonly LogWriter _log = new();
    private DevServer? _server;
    private HttpClient _client = new();

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestApp", "counter.cs.txt"), Path.Combine(_app.Dir, "api", "counter.cs"));
        _server = await DevServer.StartAsync(new DevOptions(_app.Dir, Port: 0, Watch: false), _log) ?? throw new InvalidOperationException(_log.ToString());
        _client = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    [Fact]
    public async Task Overlapping_requests_get_their_own_instances_and_a_later_one_reuses_a_warm_one()
    {
        var overlapping = await Task.WhenAll(Get("/api/counter?gate=pair&expect=2"), Get("/api/counter?gate=pair&expect=2"));

        Assert.All(overlapping, body => Assert.True(body["overlapped"]!.GetValue<bool>()));
        Assert.All(overlapping, body => Assert.Equal(1, body["maxInUse"]!.GetValue<int>()));
        var instances = overlapping.Select(b => b["instance"]!.GetValue<int>()).ToHashSet();
        Assert.Equal(2, instances.Count);
        var pairLines = await Lines("GET /api/counter?gate=pair&expect=2 → ApiCounter 200", 2);
        Assert.Equal(["cold #1", "cold #2"], pairLines.Select(StartAndInstance).Order());

        var later = await Get("/api/counter?gate=later");

        Assert.Contains(later["instance"]!.GetValue<int>(), instances);
        Assert.Equal(1, later["maxInUse"]!.GetValue<int>());
        var laterLine = Assert.Single(await Lines("GET /api/counter?gate=later → ApiCounter 200", 1));
        Assert.Matches("^warm #[12]$", StartAndInstance(laterLine));
    }

    [Fact]
    public async Task A_timed_out_instance_is_dropped_and_the_next_request_is_cold()
    {
        using var first = await _client.GetAsync("/api/slow");
        using var second = await _client.GetAsync("/api/slow");

        Assert.Equal(HttpStatusCode.GatewayTimeout, first.StatusCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, second.StatusCode);
        var lines = await Lines("GET /api/slow → ApiSlow 504", 2);
        Assert.Equal(["cold #1", "cold #2"], lines.Select(StartAndInstance));
    }

    private async Task<JsonNode> Get(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The request lines that start with <paramref name="prefix"/>, once there are <paramref name="count"/> (logged after the response is sent).</summary>
    private async Task<IReadOnlyList<string>> Lines(string prefix, int count)
    {
        await _log.WaitForLineAsync(_ => _log.Lines.Count(l => l.StartsWith(prefix, StringComparison.Ordinal)) >= count, $"×{count} {prefix}");
        return _log.Lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }

    /// <summary>"cold #1" from "GET /api/x → X 200 1.2 ms cold #1 (note)".</summary>
    private static string StartAndInstance(string line)
    {
        var words = line.Split(" ms ", 2)[1].Split(' ');
        return words[0] + " " + words[1];
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _app.Dispose();
    }
}
