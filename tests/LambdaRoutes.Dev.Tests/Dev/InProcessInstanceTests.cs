using System.Net;
using System.Text.Json;
using LambdaRoutes.Cdk;
using LambdaRoutes.Dev.Tests.Support;
using LambdaRoutes.Local;
using LambdaRoutes.Packager.Dev;
using LambdaRoutes.Packager.Dev.Hosting;

namespace LambdaRoutes.Dev.Tests.Dev;

/// <summary>
/// The default mode's instances are the local Lambda's: each is the runtime's own loop in this process, talking to its
/// instance's Runtime API server as a bootstrap does, in the same pool as <c>--aot</c>'s processes.
/// </summary>
public sealed class InProcessInstanceTests : IAsyncLifetime
{
    private readonly TestApp _app = TestApp.Create("inproc");
    private readonly LogWriter _log = new();
    private InProcessHost? _host;
    private DevServer? _server;
    private HttpClient _client = new();

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestApp", "flaky.cs.txt"), Path.Combine(_app.Dir, "api", "flaky.cs"));
        var options = new DevOptions(_app.Dir, Port: 0, Aot: false, Flavor: ApiKind.Http, Watch: false);
        _host = await InProcessHost.StartAsync(options, _log.WriteLine, CancellationToken.None) ?? throw new InvalidOperationException(_log.ToString());
        _server = await DevServer.StartAsync(options, _host, _log.WriteLine);
        _client = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    [Fact]
    public async Task A_request_is_served_by_an_in_process_instance_of_the_emulator_that_stays_warm_in_its_pool()
    {
        using var first = await _client.PostAsync("/api/echo", new StringContent("{\"n\":1}"));
        using var second = await _client.PostAsync("/api/echo", new StringContent("{\"n\":2}"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var instance = Assert.Single(_host!.Emulator.GetInstances("Hello-ApiEcho"));
        Assert.Equal(1, instance.Id);
        Assert.Equal(0, instance.ProcessId); // no process: the runtime's loop runs in this one
        Assert.Equal(2, instance.Invocations);
        Assert.NotNull(instance.InitDuration); // set when the runtime first called /next
        await WaitForAsync(() => _host.Emulator.GetInstances("Hello-ApiEcho").Single().State == InstanceState.Idle, "the instance back in /next");
    }

    [Fact]
    public async Task A_constructor_that_throws_is_reported_by_the_runtime_to_init_error()
    {
        // The route's first construction throws: the runtime's own init path catches it and posts /init/error.
        var result = await _host!.Emulator.InvokeAsync("Hello-ApiFlaky", "{}"u8.ToArray());

        Assert.Equal(InvocationOutcome.InitError, result.Outcome);
        Assert.True(result.ColdStart);
        // The error JSON and type are the runtime's (ErrorPayload), not one the emulator makes up for an exit or a timeout.
        Assert.Equal("InvalidOperationException", result.ErrorType);
        using var error = JsonDocument.Parse(result.Payload);
        Assert.Equal("InvalidOperationException", error.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("flaky init failed on construction 1", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.True(error.RootElement.GetProperty("stackTrace").GetArrayLength() > 0);
        Assert.Contains(_log.Lines, l => l.StartsWith("  [ApiFlaky#1] ", StringComparison.Ordinal) && l.Contains("Route initialisation failed", StringComparison.Ordinal));
        Assert.Empty(_host.Emulator.GetInstances("Hello-ApiFlaky"));

        using var next = await _client.GetAsync("/api/flaky");

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(2, Assert.Single(_host.Emulator.GetInstances("Hello-ApiFlaky")).Id);
    }

    [Fact]
    public async Task A_timed_out_instance_leaves_the_pool_and_the_next_request_starts_a_new_one()
    {
        using var first = await _client.GetAsync("/api/slow");

        Assert.Equal(HttpStatusCode.GatewayTimeout, first.StatusCode);
        Assert.Empty(_host!.Emulator.GetInstances("Hello-ApiSlow"));

        var second = _client.GetAsync("/api/slow");
        await WaitForAsync(() => _host.Emulator.GetInstances("Hello-ApiSlow").Any(i => i.State == InstanceState.Busy), "the second request's instance");
        var running = Assert.Single(_host.Emulator.GetInstances("Hello-ApiSlow"));
        using var secondResponse = await second;

        Assert.Equal(2, running.Id);
        Assert.Equal(HttpStatusCode.GatewayTimeout, secondResponse.StatusCode);
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "gave up waiting for " + what);
            await Task.Delay(10);
        }
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync(); // disposes the host too
        }

        _app.Dispose();
    }
}
