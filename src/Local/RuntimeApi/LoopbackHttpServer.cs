using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LambdaRoutes.Local.RuntimeApi;

/// <summary>
/// A bare Kestrel server on 127.0.0.1 and a free port, calling one delegate per request. Every instance gets its own
/// (AWS_LAMBDA_RUNTIME_API is only <c>host:port</c>, https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html, so the port is what tells instances apart); the
/// server is built without a host, DI or logging so that one costs milliseconds, not a web-app start-up.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly KestrelServer _server;
    private readonly ConnectionCounter _connections;

    private LoopbackHttpServer(KestrelServer server, int port, ConnectionCounter connections)
    {
        _server = server;
        Port = port;
        _connections = connections;
    }

    /// <summary>The bound port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>TCP connections accepted so far: tests check that a runtime keeps one connection alive.</summary>
    public int ConnectionCount => _connections.Count;

    /// <param name="handler">Called for every request.</param>
    /// <param name="wire">When set, records every byte the connections receive (tests of a runtime's framing).</param>
    /// <param name="cancel">Cancels the start.</param>
    public static async Task<LoopbackHttpServer> StartAsync(RequestDelegate handler, WireRecorder? wire = null, CancellationToken cancel = default)
    {
        var options = new KestrelServerOptions { AddServerHeader = false };
        options.Limits.MaxRequestBodySize = null; // the Runtime API endpoints enforce their own limits (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html)
        options.Limits.MinRequestBodyDataRate = null; // a streamed response may pause for as long as its handler likes
        // Header values go out as UTF-8: a mobile SDK's Lambda-Runtime-Client-Context carries the caller's JSON as it is.
        options.ResponseHeaderEncodingSelector = _ => System.Text.Encoding.UTF8;
        var connections = new ConnectionCounter();
        options.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Use(connections.Counting);
            if (wire is not null)
            {
                listen.Use(wire.Recording);
            }
        });
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance);
        var server = new KestrelServer(Options.Create(options), transport, NullLoggerFactory.Instance);
        await server.StartAsync(new Application(handler), cancel).ConfigureAwait(false);
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                      ?? throw new InvalidOperationException("Kestrel did not report its address.");
        return new LoopbackHttpServer(server, new Uri(address).Port, connections);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _server.StopAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Long-polling /next requests are aborted by the stop; nothing is left to wait for.
        }

        _server.Dispose();
    }

    private sealed class ConnectionCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ConnectionDelegate Counting(ConnectionDelegate next) => connection =>
        {
            Interlocked.Increment(ref _count);
            return next(connection);
        };
    }

    private sealed class Application(RequestDelegate handler) : IHttpApplication<HttpContext>
    {
        public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

        public Task ProcessRequestAsync(HttpContext context) => handler(context);

        public void DisposeContext(HttpContext context, Exception? exception)
        {
        }
    }
}
