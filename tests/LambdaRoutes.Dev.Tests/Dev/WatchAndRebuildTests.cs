using System.Net;
using System.Text.RegularExpressions;
using LambdaRoutes.Dev.Tests.Support;
using LambdaRoutes.Packager.Dev;

namespace LambdaRoutes.Dev.Tests.Dev;

/// <summary>The default mode watches the app: a saved change is rebuilt and served; a broken build keeps the last good one.</summary>
public sealed class WatchAndRebuildTests : IAsyncLifetime
{
    private readonly TestApp _app = TestApp.Create("watch");
    private readonly LogWriter _log = new();
    private DevServer? _server;
    private HttpClient _client = new();

    public async Task InitializeAsync()
    {
        _server = await DevServer.StartAsync(new DevOptions(_app.Dir, Port: 0), _log) ?? throw new InvalidOperationException(_log.ToString());
        _client = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    [Fact]
    public async Task Changes_are_rebuilt_and_served_and_a_broken_build_keeps_the_last_good_one()
    {
        Assert.Equal("ok", await _client.GetStringAsync("/api/health"));
        var routesBefore = _server!.Host.Routes.Routes.Count; // the sample grows; the rebuild adds exactly one route

        var health = Path.Combine(_app.Dir, "api", "health.cs");
        await File.WriteAllTextAsync(health, (await File.ReadAllTextAsync(health)).Replace("Send(\"ok\")", "Send(\"changed\")"));
        await File.WriteAllTextAsync(Path.Combine(_app.Dir, "api", "added.cs"), """
            using LambdaRoutes;
            namespace Hello.Api;
            public sealed class Added : IApiRoute
            {
                public Task HandleAsync(ApiRequest req, ApiResponse res) { res.Status(200).Send("new route"); return Task.CompletedTask; }
            }
            """);
        var rebuilt = await WaitForLine($@"^rebuilt and reloaded in \d+\.\d s \({routesBefore + 1} routes\)$");

        Assert.Contains(_log.Lines, l => l.StartsWith("changed: ", StringComparison.Ordinal) && l.Contains("api/health.cs", StringComparison.Ordinal));
        Assert.Equal("changed", await _client.GetStringAsync("/api/health"));
        Assert.Equal("new route", await _client.GetStringAsync("/api/added"));
        // The reload dropped the old build's instances: the first request after it starts the new build's instance #1.
        var afterReload = await WaitForLine(@"^GET /api/health → ApiHealth 200 \d+\.\d ms", nth: 2);
        Assert.EndsWith(" cold #1", afterReload);

        await File.WriteAllTextAsync(Path.Combine(_app.Dir, "api", "_lib", "Broken.cs"), "namespace Hello; class Broken { void F() { int x = } }");
        await WaitForLine("^rebuild failed: still serving the previous build$");

        Assert.Contains(_log.Lines, l => l.Contains("api/_lib/Broken.cs:1: error CS", StringComparison.Ordinal));
        using var stillServed = await _client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
        Assert.Equal("changed", await stillServed.Content.ReadAsStringAsync());
        Assert.NotNull(rebuilt);
    }

    private async Task<string> WaitForLine(string pattern, int nth = 1)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            if (_log.Lines.Where(l => Regex.IsMatch(l, pattern)).Skip(nth - 1).FirstOrDefault() is { } line)
            {
                return line;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no log line matching {pattern} within 5 minutes:\n{_log}");
            await Task.Delay(100);
        }
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
