using System.Diagnostics;
using LambdaRoutes.Contracts.Diagnostics;
using LambdaRoutes.Local.Instances;
using LambdaRoutes.Packager.Diagnostics;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>
/// The default mode: the app compiled with <c>dotnet build</c> and loaded into this process; each request runs the route
/// through the runtime's <see cref="RouteInvoker"/> on the event bytes, as the bootstrap would. The app folder is watched:
/// a change prints what changed, rebuilds, and swaps in the new build (the old one keeps serving until then, and stays
/// if the rebuild fails). Each route has a pool of instances, one invocation at a time each, as Lambda runs them; a reload
/// drops the pools. A route that overruns its timeout gets a 504, but its task cannot be killed in-process.
/// </summary>
internal sealed class InProcessHost : IRouteHost
{
    private readonly DevOptions _options;
    private readonly Action<string> _log;
    private readonly CancellationTokenSource _stop = new();
    private AppWatcher? _watcher;
    private Task? _watchLoop;
    private Generation _current;

    private InProcessHost(DevOptions options, Action<string> log, Generation first)
    {
        _options = options;
        _log = log;
        _current = first;
    }

    public string Mode => "in-process";

    public DevRouteSet Routes => Volatile.Read(ref _current).Routes;

    /// <summary>Rebuilds done since start (successful or not), for tests and the log.</summary>
    public int Rebuilds { get; private set; }

    /// <summary>Null (after printing why) when the routes have errors or the app does not compile.</summary>
    public static async Task<InProcessHost?> StartAsync(DevOptions options, Action<string> log, CancellationToken cancel)
    {
        var first = await BuildGenerationAsync(options, log, buildReferences: true, cancel);
        if (first is null)
        {
            return null;
        }

        var host = new InProcessHost(options, log, first);
        if (options.Watch)
        {
            host._watcher = new AppWatcher(Path.GetFullPath(options.AppDir));
            host._watchLoop = host.WatchAsync(host._stop.Token);
        }

        return host;
    }

    /// <summary>
    /// An instance of the route from the current build's pool, with the Lambda context of one invocation. A constructor
    /// that throws is the route's init error, answered as Lambda would.
    /// </summary>
    private (Lease? Lease, RouteRun? InitFailure) Rent(DevRoute route)
    {
        var generation = Volatile.Read(ref _current);
        var pool = generation.App.Pool(route.Id);
        var rental = generation.App.Rent(route.Id);
        var context = InProcessContext.Create($"{generation.App.Table.AppName}-{route.Id}", $"{route.Id}#{rental.Number}",
            route.MemorySize, TimeSpan.FromSeconds(route.TimeoutSeconds), _log);
        if (rental.Instance is null)
        {
            context.Logger.LogCritical("Route initialisation failed\n" + rental.InitError);
            return (null, new RouteRun(RunOutcome.FunctionError, [], Cold: true, Name(rental.Number), "Runtime.InitError"));
        }

        return (new Lease(pool, rental.Instance, rental.Cold, context), null);
    }

    private static string Name(int instance) => "#" + instance;

    public async Task<RouteRun> InvokeAsync(DevRoute route, byte[] eventJson)
    {
        var (lease, initFailure) = Rent(route);
        if (lease is null)
        {
            return initFailure!;
        }

        // Task.Run: a handler that blocks its thread still meets the timeout below.
        var run = Task.Run(() => lease.Instance.Invoker.InvokeAsync(eventJson, lease.Context));
        if (!await lease.FinishesInTimeAsync(run, route))
        {
            return lease.Run(RunOutcome.Timeout, "Sandbox.Timedout");
        }

        try
        {
            var payload = await run;
            return payload.Length > LambdaRoutes.Local.LambdaLimits.MaxResponseBytes
                ? lease.Run(RunOutcome.FunctionError, "Function.ResponseSizeTooLarge")
                : lease.Run(RunOutcome.Success, payload: payload);
        }
        catch (Exception ex)
        {
            lease.Context.Logger.LogError(ex, "The runtime failed to answer");
            return lease.Run(RunOutcome.FunctionError, ex.GetType().Name);
        }
        finally
        {
            lease.Release();
        }
    }

    /// <summary>
    /// A streaming route: the runtime's streaming path (the one the bootstrap uses) writes straight through to the
    /// client, so chunks arrive while the handler runs; the instance stays busy until the stream ends. A failure after
    /// the prelude is a function error mid-stream.
    /// </summary>
    public async Task<RouteRun> StreamAsync(DevRoute route, byte[] eventJson, Func<ReadOnlyMemory<byte>, Task> write)
    {
        var (lease, initFailure) = Rent(route);
        if (lease is null)
        {
            return initFailure!;
        }

        var run = Task.Run(() => lease.Instance.Invoker.InvokeStreamingAsync(eventJson, lease.Context, write));
        if (!await lease.FinishesInTimeAsync(run, route))
        {
            return lease.Run(RunOutcome.Timeout, "Sandbox.Timedout");
        }

        try
        {
            await run;
            return lease.Run(RunOutcome.Success);
        }
        catch (Exception ex)
        {
            return lease.Run(RunOutcome.FunctionError, ex.GetType().Name);
        }
        finally
        {
            lease.Release();
        }
    }

    private async Task WatchAsync(CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            IReadOnlyList<string> changed;
            try
            {
                changed = await _watcher!.NextBatchAsync(cancel);
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
            {
                return;
            }

            var shown = string.Join(", ", changed.Take(5)) + (changed.Count > 5 ? $" (+{changed.Count - 5} more)" : "");
            _log($"changed: {shown}; rebuilding");
            var watch = Stopwatch.StartNew();
            Generation? next;
            try
            {
                next = await BuildGenerationAsync(_options, _log, buildReferences: false, cancel);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Rebuilds++;
            if (next is null)
            {
                _log("rebuild failed: still serving the previous build");
                continue;
            }

            var old = Interlocked.Exchange(ref _current, next);
            old.App.Unload();
            _log($"rebuilt and reloaded in {watch.Elapsed.TotalSeconds:0.0} s ({next.Routes.Routes.Count} routes)");
        }
    }

    private static async Task<Generation?> BuildGenerationAsync(DevOptions options, Action<string> log, bool buildReferences, CancellationToken cancel)
    {
        var table = RouteDiscovery.Discover(options.AppDir, new DiscoveryOptions(options.Flavor));
        foreach (var diagnostic in table.Diagnostics)
        {
            log(DiagnosticPrinter.Format(diagnostic));
        }

        if (table.HasErrors)
        {
            return null;
        }

        var build = await AppBuilder.BuildAsync(table, buildReferences, log, cancel);
        if (!build.Succeeded)
        {
            build.Errors.ToList().ForEach(log);
            return null;
        }

        var app = LoadedApp.Load(build.AssemblyPath!, table);
        var routes = table.Routes.Select(r => new DevRoute(r.Id, r.Route, r.File, r.Paths, DevRoute.AnyMethod, r.Settings.Timeout, r.Settings.MemorySize, r.Settings.Streaming, r.Settings.Authorizer, r.Settings.AuthorizationScopes, r.Style == RouteStyle.Authorizer)).ToList();
        return new Generation(app, new DevRouteSet(routes));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _watcher?.Dispose();
        if (_watchLoop is not null)
        {
            await _watchLoop;
        }

        Volatile.Read(ref _current).App.Unload();
        _stop.Dispose();
    }

    private sealed record Generation(LoadedApp App, DevRouteSet Routes);

    /// <summary>One invocation's hold on an instance: given back to its pool when the invocation ends.</summary>
    private sealed record Lease(InstancePool<RouteInstance> Pool, RouteInstance Instance, bool Cold, ILambdaContext Context)
    {
        /// <summary>
        /// False at the route's timeout. The handler cannot be stopped in-process, so its instance is never given back:
        /// the next request gets a fresh one, as after Lambda kills a timed-out environment.
        /// </summary>
        public async Task<bool> FinishesInTimeAsync(Task run, DevRoute route)
        {
            // WaitAsync drops its timer as soon as the run ends; a Task.Delay raced with WhenAny left one timer per
            // request alive for the route's whole timeout (thousands at once under a load test).
            try
            {
                await run.WaitAsync(TimeSpan.FromSeconds(route.TimeoutSeconds));
                return true;
            }
            catch (Exception) when (run.IsCompleted)
            {
                return true; // it failed in time: the caller awaits it and reports the failure
            }
            catch (TimeoutException)
            {
            }

            Context.Logger.LogError($"Task timed out after {route.TimeoutSeconds:0.00} seconds (in-process: the handler keeps running until it returns; its instance is dropped)");
            Pool.Remove(Instance);
            return false;
        }

        public RouteRun Run(RunOutcome outcome, string? errorType = null, byte[]? payload = null) =>
            new(outcome, payload ?? [], Cold, Name(Instance.Number), errorType);

        public void Release() => Pool.GiveBack(Instance);
    }
}
