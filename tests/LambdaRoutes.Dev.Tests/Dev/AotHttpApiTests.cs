using System.Net;
using LambdaRoutes.Dev.Tests.Emulator;
using LambdaRoutes.Dev.Tests.Support;
using LambdaRoutes.Local;
using LambdaRoutes.Packager.Dev.Hosting;

namespace LambdaRoutes.Dev.Tests.Dev;

/// <summary><c>--aot</c>: the shared behaviour served by the real Native AOT bootstraps under the Lambda emulator.</summary>
public sealed class AotHttpApiTests(AotHttpApiFixture fixture) : RouteBehaviourTests(fixture), IClassFixture<AotHttpApiFixture>
{
    private AotHost Host => (AotHost)Fixture.Server.Host;

    [Fact]
    public async Task The_sample_event_stream_is_served_by_its_bootstrap()
    {
        using var response = await Client.GetAsync("/api/events?count=2&delayMs=0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("event: tick\ndata: {\"tick\":1}\n\nevent: tick\ndata: {\"tick\":2}\n\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_streamed_chunk_reaches_the_client_before_the_bootstrap_handler_finishes()
    {
        using var signal = new SignalFile();
        using var response = await Client.GetAsync($"/api/drip?wait={Uri.EscapeDataString(signal.Path)}", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();

        // The handler is parked until the signal file exists, so this chunk was sent while it was still running.
        var first = await StreamedBody.ReadUntilAsync(body, "first\n");
        Assert.Equal("first\n", first);
        Assert.Contains(Host.Emulator.GetInstances("Hello-ApiDrip"), i => i.State == InstanceState.Busy);
        Assert.Equal((HttpStatusCode)202, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("prelude", Assert.Single(response.Headers.GetValues("x-drip")));
        Assert.StartsWith("dripped=yes", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);

        signal.Raise();
        Assert.Equal("second\n", await new StreamReader(body).ReadToEndAsync());
        await Fixture.Log.WaitForLineAsync(l => l.StartsWith("GET /api/drip?wait=", StringComparison.Ordinal) && l.Contains(Path.GetFileName(signal.Path), StringComparison.Ordinal) &&
                                                l.Contains(" → ApiDrip 202 ", StringComparison.Ordinal) && l.EndsWith("(streamed)", StringComparison.Ordinal), "for the streamed drip");
    }

    [Fact]
    public async Task A_bootstrap_failing_mid_stream_cuts_the_client_connection_and_its_instance_stays_warm()
    {
        using var signal = new SignalFile();
        using var response = await Client.GetAsync($"/api/drip?fail=1&wait={Uri.EscapeDataString(signal.Path)}", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = await StreamedBody.ReadUntilAsync(body, "first\n");
        var instance = Assert.Single(Host.Emulator.GetInstances("Hello-ApiDrip"), i => i.State == InstanceState.Busy);

        signal.Raise();
        var error = await Record.ExceptionAsync(() => new StreamReader(body).ReadToEndAsync());

        Assert.Equal("first\n", first);
        Assert.True(error is HttpRequestException or IOException, $"the body ended normally or with {error}");
        await Fixture.Log.WaitForLineAsync(l => l.StartsWith("GET /api/drip?fail=1", StringComparison.Ordinal) && l.Contains(" → ApiDrip 202 ", StringComparison.Ordinal) &&
                                                l.EndsWith("(function error InvalidOperationException)", StringComparison.Ordinal), "for the failed drip");
        using var again = await Client.GetAsync("/api/drip");
        Assert.Equal("first\nsecond\n", await again.Content.ReadAsStringAsync());
        Assert.Contains(Host.Emulator.GetInstances("Hello-ApiDrip"), i => i.Id == instance.Id);
    }

    [Fact]
    public async Task A_verb_route_runs_from_its_generated_entry_point()
    {
        using var options = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/notes"));
        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/notes"));

        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal("GET, HEAD, OPTIONS, POST", string.Join(", ", options.Content.Headers.Allow));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("application/json", head.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Routes_run_in_their_own_bootstrap_processes()
    {
        using var response = await Client.GetAsync("/api/echo");
        var body = await JsonOf(response);

        Assert.NotEqual(Environment.ProcessId, body["pid"]!.GetValue<int>());
        Assert.Equal("Hello-ApiEcho", body["function"]!.GetValue<string>());
        Assert.Contains(Host.Emulator.GetInstances("Hello-ApiEcho"), i => i.ProcessId == body["pid"]!.GetValue<int>());
    }

    [Fact]
    public async Task Twenty_parallel_requests_all_succeed_on_several_instances_which_are_then_reused()
    {
        const string function = "Hello-ApiEcho";
        await Host.Emulator.ResetAsync(function);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Client.GetAsync($"/api/echo?delay=300&n={i}")));
        var pids = new HashSet<int>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pids.Add((await JsonOf(response))["pid"]!.GetValue<int>());
            response.Dispose();
        }

        var afterBurst = Host.Emulator.GetInstances(function);
        Assert.True(pids.Count > 1, $"20 parallel requests ran on {pids.Count} instance(s)");
        Assert.Equal(pids.Count, afterBurst.Count);

        for (var i = 0; i < 5; i++)
        {
            using var again = await Client.GetAsync($"/api/echo?after={i}");
            Assert.Contains((await JsonOf(again))["pid"]!.GetValue<int>(), pids);
        }

        var afterReuse = Host.Emulator.GetInstances(function);
        Assert.Equal(afterBurst.Select(i => i.Id).Order(), afterReuse.Select(i => i.Id).Order());
        Assert.Equal(25, afterReuse.Sum(i => i.Invocations));
        Assert.Contains(Fixture.Log.Lines, l => l.Contains("/api/echo?after=4 → ApiEcho 200", StringComparison.Ordinal) && l.Contains(" warm #", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Timed_out_instance_is_killed_and_replaced()
    {
        using var first = await Client.GetAsync("/api/slow");
        var killed = Host.Emulator.GetInstances("Hello-ApiSlow");
        using var second = await Client.GetAsync("/api/slow");

        Assert.Equal(HttpStatusCode.GatewayTimeout, first.StatusCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, second.StatusCode);
        Assert.Empty(killed);
        var lines = Fixture.Log.Lines.Where(l => l.StartsWith("GET /api/slow → ApiSlow 504", StringComparison.Ordinal)).TakeLast(2).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Contains(" cold #", l));
    }
}

/// <summary><c>--aot --rest</c>: the same bootstraps (cached from the HTTP API build) behind a REST API.</summary>
public sealed class AotRestApiTests(AotRestApiFixture fixture) : IClassFixture<AotRestApiFixture>
{
    [Fact]
    public async Task Function_error_is_a_502_and_a_good_route_answers()
    {
        using var broken = await fixture.Client.GetAsync("/api/broken");
        using var users = await fixture.Client.GetAsync("/api/users/1");

        Assert.Equal(HttpStatusCode.BadGateway, broken.StatusCode);
        Assert.Equal("{\"message\": \"Internal server error\"}", await broken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Contains("Ada Lovelace", await users.Content.ReadAsStringAsync());
    }
}

/// <summary>Shutdown of <c>--aot</c>: its own server (the build is cached), stopped inside the test.</summary>
public sealed class AotShutdownTests(AotShutdownFixture fixture) : IClassFixture<AotShutdownFixture>
{
    [Fact]
    public async Task Stopping_the_server_leaves_no_bootstrap_running()
    {
        using var response = await fixture.Client.GetAsync("/api/echo");
        var pid = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["pid"]!.GetValue<int>();
        var host = (AotHost)fixture.Server.Host;
        var all = host.Emulator.Functions.SelectMany(host.Emulator.GetInstances).Select(i => i.ProcessId).ToList();

        await fixture.DisposeAsync();

        Assert.Contains(pid, all);
        Assert.All(all, p => Assert.True(LambdaEmulatorTests.ProcessIsGone(p), $"bootstrap {p} outlived the dev server"));
    }
}
