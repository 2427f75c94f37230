using LambdaRoutes.Cdk;
using System.Net;
using System.Text.Json.Nodes;
using LambdaRoutes.Dev.Tests.Support;
using LambdaRoutes.Packager.Dev;
using LambdaRoutes.Local.Gateway;

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
        foreach (var route in new[] { "counter", "relay", "flaky" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "TestApp", route + ".cs.txt"), Path.Combine(_app.Dir, "api", route + ".cs"));
        }

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

    [Fact]
    public async Task A_streaming_request_holds_its_instance_until_the_stream_ends()
    {
        using var gate = new SignalFile();
        using var first = await _client.GetAsync($"/api/relay?wait={Uri.EscapeDataString(gate.Path)}", HttpCompletionOption.ResponseHeadersRead);
        await using var firstBody = await first.Content.ReadAsStreamAsync();
        // The handler is parked on the gate after this chunk: the first instance is still in its invocation.
        Assert.Equal("instance 1\n", await StreamedBody.ReadUntilAsync(firstBody, "\n"));

        using var second = await _client.GetAsync("/api/relay");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("instance 2\ndone\n", await second.Content.ReadAsStringAsync());
        var secondLine = Assert.Single(await Lines("GET /api/relay → ApiRelay 200 ", 1));
        Assert.Equal("cold #2", StartAndInstance(secondLine));
        Assert.EndsWith(" (streamed)", secondLine, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Lines, l => l.StartsWith("GET /api/relay?wait=", StringComparison.Ordinal));

        gate.Raise();

        Assert.Equal("done\n", await new StreamReader(firstBody).ReadToEndAsync());
        var firstLine = Assert.Single(await Lines("GET /api/relay?wait=", 1));
        Assert.Contains(" → ApiRelay 200 ", firstLine, StringComparison.Ordinal);
        Assert.Equal("cold #1", StartAndInstance(firstLine));
        Assert.EndsWith(" (streamed)", firstLine, StringComparison.Ordinal);

        // #2 went back to the pool first, #1 when its stream ended; the pool reuses the last one given back (LIFO), so
        // this is #1 only if the end of the stream released it.
        using var third = await _client.GetAsync("/api/relay?third=1");

        Assert.Equal("instance 1\ndone\n", await third.Content.ReadAsStringAsync());
        var thirdLine = Assert.Single(await Lines("GET /api/relay?third=1 → ApiRelay 200 ", 1));
        Assert.Equal("warm #1", StartAndInstance(thirdLine));
        Assert.EndsWith(" (streamed)", thirdLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_constructor_that_throws_is_an_init_error_and_the_next_request_tries_a_new_instance()
    {
        using var failed = await _client.GetAsync("/api/flaky");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("{\"message\":\"Internal Server Error\"}", await failed.Content.ReadAsStringAsync());
        var failedLine = Assert.Single(await Lines("GET /api/flaky → ApiFlaky 500 ", 1));
        Assert.Equal("cold #1", StartAndInstance(failedLine));
        Assert.EndsWith(" (function error InvalidOperationException)", failedLine, StringComparison.Ordinal);
        Assert.Contains(_log.Lines, l => l.StartsWith("  [ApiFlaky#1] ", StringComparison.Ordinal) && l.Contains("Route initialisation failed", StringComparison.Ordinal));
        Assert.Contains("flaky init failed on construction 1", _log.ToString(), StringComparison.Ordinal);

        var next = await Get("/api/flaky?next=1");

        Assert.Equal(2, next["construction"]!.GetValue<int>());
        Assert.Equal("cold #2", StartAndInstance(Assert.Single(await Lines("GET /api/flaky?next=1 → ApiFlaky 200 ", 1))));

        var again = await Get("/api/flaky?again=1");

        Assert.Equal(2, again["construction"]!.GetValue<int>());
        Assert.Equal("warm #2", StartAndInstance(Assert.Single(await Lines("GET /api/flaky?again=1 → ApiFlaky 200 ", 1))));
    }

    [Fact]
    public async Task A_constructor_that_throws_is_a_502_behind_a_rest_api()
    {
        await using var rest = await DevServer.StartAsync(new DevOptions(_app.Dir, Port: 0, Flavor: ApiKind.Rest, Watch: false), _log)
            ?? throw new InvalidOperationException(_log.ToString());
        using var client = new HttpClient { BaseAddress = rest.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        using var failed = await client.GetAsync("/api/flaky?rest=1");
        using var next = await client.GetAsync("/api/flaky?rest=2");

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal("{\"message\": \"Internal server error\"}", await failed.Content.ReadAsStringAsync());
        var failedLine = Assert.Single(await Lines("GET /api/flaky?rest=1 → ApiFlaky 502 ", 1));
        Assert.Equal("cold #1", StartAndInstance(failedLine));
        Assert.EndsWith(" (function error InvalidOperationException)", failedLine, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("cold #2", StartAndInstance(Assert.Single(await Lines("GET /api/flaky?rest=2 → ApiFlaky 200 ", 1))));
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
