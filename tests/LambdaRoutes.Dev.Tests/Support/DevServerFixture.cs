using LambdaRoutes.Cdk;
using LambdaRoutes.Packager.Dev;
using LambdaRoutes.Local.Gateway;

namespace LambdaRoutes.Dev.Tests.Support;

/// <summary>
/// A running <c>lambda-routes dev</c> on a free 127.0.0.1 port over the shared test app, and an HttpClient for it.
/// One per test class (xunit class fixture): the app is built once per mode.
/// </summary>
public abstract class DevServerFixture : IAsyncLifetime
{
    private readonly bool _aot;
    private readonly ApiKind _flavor;
    private DevServer? _server;

    private protected DevServerFixture(bool aot, ApiKind flavor)
    {
        _aot = aot;
        _flavor = flavor;
    }

    internal LogWriter Log { get; } = new();

    internal DevServer Server => _server ?? throw new InvalidOperationException("not started");

    public HttpClient Client { get; private set; } = new();

    internal List<byte[]> Events { get; } = [];

    public async Task InitializeAsync()
    {
        var options = new DevOptions(TestApp.Shared.Dir, Port: 0, Aot: _aot, Flavor: _flavor, Watch: false);
        _server = await DevServer.StartAsync(options, Log)
                  ?? throw new InvalidOperationException("dev did not start:\n" + Log);
        _server.EventObserver = e =>
        {
            lock (Events)
            {
                Events.Add(e);
            }
        };
        Client = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The event the server built for the last request whose path starts with <paramref name="path"/>.</summary>
    internal byte[] LastEvent(string path)
    {
        lock (Events)
        {
            return Events.Last(e => System.Text.Encoding.UTF8.GetString(e).Contains(path, StringComparison.Ordinal));
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

public sealed class InProcessHttpApiFixture() : DevServerFixture(aot: false, ApiKind.Http);

public sealed class InProcessRestApiFixture() : DevServerFixture(aot: false, ApiKind.Rest);

public sealed class AotHttpApiFixture() : DevServerFixture(aot: true, ApiKind.Http);

public sealed class AotRestApiFixture() : DevServerFixture(aot: true, ApiKind.Rest);

public sealed class AotShutdownFixture() : DevServerFixture(aot: true, ApiKind.Http);
