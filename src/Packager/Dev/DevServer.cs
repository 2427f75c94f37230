using LambdaRoutes.Cdk;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using LambdaRoutes.Local;
using LambdaRoutes.Local.Gateway;
using LambdaRoutes.Packager.Dev.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LambdaRoutes.Packager.Dev;

/// <summary>
/// <c>lambda-routes dev</c>: a local API Gateway on 127.0.0.1 in front of the app's routes. Per request:
///   1. read the body (over API Gateway's 10 MB → 413);
///   2. match the route with API Gateway's precedence (no route → 404 JSON);
///   3. build the event API Gateway would send — HTTP API 2.0, or REST v1 with <c>--rest</c> (over Lambda's 6 MB → 413);
///   4. run the route (<see cref="IRouteHost"/>: in-process, or the real bootstrap under the emulator with <c>--aot</c>);
///   5. turn its output into HTTP as API Gateway does (function error → 500/502, timeout → 504);
///   6. log one line: method, path, route, status, duration, cold or warm, instance.
/// </summary>
internal sealed class DevServer : IAsyncDisposable
{
    private readonly DevOptions _options;
    private readonly IRouteHost _host;
    private readonly Action<string> _log;
    private Auth.DevAuthorizer? _authorizer;   // null: no --jwks / --jwt-no-verify, every route is public
    private Auth.LambdaAuthorizerGate _lambdaAuthorizers = null!;   // the app's authorizers/<name>.cs, run like routes
    private Auth.DevIamGate? _iam;   // null: no --iam-authorizer
    private WebApplication? _web;
    private int _disposed;

    private DevServer(DevOptions options, IRouteHost host, Action<string> log)
    {
        _options = options;
        _host = host;
        _log = log;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:3000/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Sees every event the server builds, before it runs (a test seam: the events are compared with AWS's).</summary>
    internal Action<byte[]>? EventObserver { get; set; }

    /// <summary>What runs the routes (tests look at its instances or rebuilds).</summary>
    public IRouteHost Host => _host;

    /// <summary>Builds and loads the app, then listens. Null (after printing why) when the app cannot be served.</summary>
    public static async Task<DevServer?> StartAsync(DevOptions options, TextWriter output, CancellationToken cancel = default)
    {
        var synchronized = TextWriter.Synchronized(output);
        Action<string> log = synchronized.WriteLine;
        // The keys first: a bad --jwks is reported before minutes of building.
        Auth.DevAuthorizer? authorizer = null;
        if (options.Auth is { } auth && (authorizer = await Auth.DevAuthorizer.CreateAsync(auth, log, cancel)) is null) return null;
        IRouteHost? host = options.Aot
            ? await AotHost.StartAsync(options, synchronized, log, cancel)
            : await InProcessHost.StartAsync(options, log, cancel);
        return host is null ? null : await StartAsync(options, host, log, cancel, authorizer);
    }

    /// <summary>Listens in front of a ready host (the seam the tests use to serve a stand-in host); disposes it on failure.</summary>
    internal static async Task<DevServer> StartAsync(DevOptions options, IRouteHost host, Action<string> log, CancellationToken cancel = default, Auth.DevAuthorizer? authorizer = null)
    {
        var server = new DevServer(options, host, log)
        {
            _authorizer = authorizer,
            _lambdaAuthorizers = new Auth.LambdaAuthorizerGate(host, options.Flavor, options.LambdaAuthorizers ?? new Auth.LambdaAuthorizerOptions(),
                options.DefaultAuthorizerName, TimeProvider.System),
            _iam = options.Iam is { } iam ? new Auth.DevIamGate(iam, options.DefaultAuthorizerName) : null,
        };
        if (server._iam is { } iamGate) log(iamGate.Warning);
        try
        {

            await server.ListenAsync(cancel);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        RouteTablePrinter.Print(log, server.BaseAddress, host, options);
        return server;
    }

    private async Task ListenAsync(CancellationToken cancel)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // RequestCapture enforces API Gateway's limit and answers its 413
            kestrel.Listen(IPAddress.Loopback, _options.Port);
        });
        _web = builder.Build();
        _web.Run(HandleAsync);
        await _web.StartAsync(cancel);
        var address = _web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var flavor = _options.Flavor;
        var requestId = flavor == ApiKind.Rest ? GatewayIdentifiers.RestRequestId() : GatewayIdentifiers.HttpApiRequestId();
        var request = await RequestCapture.ReadAsync(context);
        if (request is null)
        {
            await FinishAsync(context, GatewayResponse.TooLarge(flavor), requestId, started, "-", null, "over API Gateway's 10 MB payload limit");
            return;
        }

        var routes = _host.Routes;
        var match = routes.Router.Match(request.Method, request.RawPath);
        if (match is null)
        {
            await FinishAsync(context, GatewayResponse.NotFound(flavor), requestId, started, "-", null, null);
            return;
        }

        var route = routes.Find(match.Route.RouteId);
        var eventJson = GatewayEvent.Build(flavor, request, match, requestId);
        if (_lambdaAuthorizers.AuthorizerOf(route) is { } lambdaAuthorizer)
        {
            var verdict = await _lambdaAuthorizers.AuthorizeAsync(request, lambdaAuthorizer, eventJson);
            if (verdict.Refused is { } refused)
            {
                await FinishAsync(context, refused, requestId, started, route.Id, verdict.Run, verdict.Reason);
                return;
            }

            eventJson = verdict.EventJson;
        }
        else if (_iam is { } iam && iam.Guards(route))
        {
            if (iam.Authorize(request, flavor, ref eventJson) is { } unsigned)
            {
                await FinishAsync(context, unsigned, requestId, started, route.Id, null, "IAM route: no SigV4 Authorization header");
                return;
            }
        }
        else if (_authorizer?.Authorize(request, route, flavor, ref eventJson) is { } denied)
        {
            await FinishAsync(context, denied.Response, requestId, started, route.Id, null, denied.Reason);
            return;
        }

        EventObserver?.Invoke(eventJson);
        if (eventJson.Length > LambdaLimits.MaxRequestBytes)
        {
            await FinishAsync(context, GatewayResponse.TooLarge(flavor), requestId, started, route.Id, null,
                $"event of {eventJson.Length} bytes is over Lambda's {LambdaLimits.MaxRequestBytes}-byte limit");
            return;
        }

        if (route.Streaming)
        {
            await StreamAsync(context, route, eventJson, requestId, started);
            return;
        }

        var run = await _host.InvokeAsync(route, eventJson);
        var (response, note) = run.Outcome switch
        {
            RunOutcome.Success => GatewayResponse.FromFunction(flavor, run.Payload) is { } parsed
                ? (parsed, (string?)null)
                : (GatewayResponse.FunctionError(flavor), "malformed Lambda proxy response"),
            RunOutcome.Timeout => (GatewayResponse.Timeout(flavor), "timed out after " + route.TimeoutSeconds + " s"),
            RunOutcome.RequestTooLarge => (GatewayResponse.TooLarge(flavor), "over Lambda's request limit"),
            _ => (GatewayResponse.FunctionError(flavor), "function error " + (run.ErrorType ?? "")),
        };
        await FinishAsync(context, response, requestId, started, route.Id, run, note);
    }

    /// <summary>
    /// A streaming route, in both modes: chunks go to the client as the function writes them. An unreadable prelude is a
    /// 502 that says why; an error before the prelude gets the usual gateway answer; after it, the connection is cut, as
    /// a truncated Lambda stream is.
    /// </summary>
    private async Task StreamAsync(HttpContext context, DevRoute route, byte[] eventJson, string requestId, long started)
    {
        var writer = new StreamingResponseWriter(context, _options.Flavor, requestId);
        var run = await _host.StreamAsync(route, eventJson, writer.WriteAsync);
        var badPrelude = writer.PreludeError ?? (run.Outcome == RunOutcome.Success && !writer.Started
            ? $"no prelude: the stream ended after {writer.PendingBytes} bytes without the 8 NUL bytes that end it"
            : null);
        if (badPrelude is not null)
        {
            await FinishAsync(context, GatewayResponse.MalformedStream(badPrelude), requestId, started, route.Id, run, "malformed streaming response: " + badPrelude);
            return;
        }

        var clientGone = context.RequestAborted.IsCancellationRequested;
        string? note = run.Outcome switch
        {
            _ when clientGone => "client disconnected mid-stream",
            RunOutcome.Success => "streamed",
            RunOutcome.Timeout => "timed out after " + route.TimeoutSeconds + " s",
            _ => "function error " + (run.ErrorType ?? ""),
        };
        if (run.Outcome == RunOutcome.Success && writer.Started && !clientGone)
        {
            await context.Response.CompleteAsync();
        }
        else if (writer.Started || clientGone)
        {
            context.Abort();
        }
        else
        {
            var response = run.Outcome == RunOutcome.Timeout ? GatewayResponse.Timeout(_options.Flavor) : GatewayResponse.FunctionError(_options.Flavor);
            await FinishAsync(context, response, requestId, started, route.Id, run, note);
            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
        _log($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} → {route.Id} {writer.StatusCode} {elapsed} ms" +
             $"{(run.Cold ? " cold" : " warm")} {run.Instance} ({note})");
    }

    private async Task FinishAsync(HttpContext context, GatewayResponse response, string requestId, long started, string routeId, RouteRun? run, string? note)
    {
        try
        {
            await ResponseWriter.WriteAsync(context, response, _options.Flavor, requestId);
        }
        catch (InvalidOperationException ex)
        {
            // A header value Kestrel refuses (e.g. a control character): API Gateway would reject the response too.
            note = "unsendable response: " + ex.Message;
            response = GatewayResponse.FunctionError(_options.Flavor);
            context.Response.Clear();
            await ResponseWriter.WriteAsync(context, response, _options.Flavor, requestId);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
        var start = run is null ? "" : run.Cold ? " cold" : " warm";
        var instance = run is null ? "" : " " + run.Instance;
        var why = note is null ? "" : " (" + note.Trim() + ")";
        var path = context.Request.Path + context.Request.QueryString;
        _log($"{context.Request.Method} {path} → {routeId} {response.StatusCode} {elapsed} ms{start}{instance}{why}");
    }

    /// <summary>Serves until <paramref name="cancel"/> fires or the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public async Task RunUntilCancelledAsync(CancellationToken cancel)
    {
        // The web host's console lifetime takes SIGINT/SIGTERM for itself and only signals ApplicationStopping.
        var stopping = _web!.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancel, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: fall through to a clean stop.
        }
    }

    /// <summary>Stops listening, then stops every route instance (no process outlives the server).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_web is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _web.StopAsync(stop.Token);
            await _web.DisposeAsync();
        }

        await _host.DisposeAsync();
    }
}
