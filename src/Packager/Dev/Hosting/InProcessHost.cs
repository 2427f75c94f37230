using System.Diagnostics;
using LambdaRoutes.Contracts.Diagnostics;
using LambdaRoutes.Local;
using LambdaRoutes.Local.Instances;
using LambdaRoutes.Packager.Diagnostics;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>
/// The default mode: the app compiled with <c>dotnet build</c> and loaded into this process; each route is a function of
/// the local Lambda (<see cref="LambdaEmulator"/>) whose instances are in-process runtimes: the runtime's own loop on a
/// thread, over the instance's Runtime API server, as a bootstrap runs it (<see cref="InProcessRuntime"/>). So the
/// reuse rule, init errors, timeouts, payload limits and streaming are the emulator's, exactly as in <c>--aot</c>. The
/// app folder is watched: a change prints what changed, rebuilds, and swaps in the new build with new functions (the old
/// one keeps serving until then, and stays if the rebuild fails). A route that overruns its timeout gets a 504 and its
/// instance is dropped, but its handler cannot be killed in-process.
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

    /// <summary>The emulator of the build being served (tests read its instances).</summary>
    public LambdaEmulator Emulator => Volatile.Read(ref _current).Functions.Emulator;

    public Task<RouteRun> InvokeAsync(DevRoute route, byte[] eventJson) =>
        OnCurrentBuildAsync(functions => functions.InvokeAsync(route, eventJson));

    /// <summary>
    /// A streaming route: the runtime's streaming path writes to its Runtime API, whose chunks reach the client as they
    /// arrive, as in <c>--aot</c>; the instance stays busy until the stream ends.
    /// </summary>
    public Task<RouteRun> StreamAsync(DevRoute route, byte[] eventJson, Func<ReadOnlyMemory<byte>, Task> write) =>
        OnCurrentBuildAsync(functions => functions.StreamAsync(route, eventJson, write));

    private async Task<RouteRun> OnCurrentBuildAsync(Func<EmulatedRoutes, Task<RouteRun>> run)
    {
        var generation = Enter();
        try
        {
            return await run(generation.Functions);
        }
        finally
        {
            generation.Exit();
        }
    }

    /// <summary>The build being served, held until the request ends (a reload retires it meanwhile, never under a request).</summary>
    private Generation Enter()
    {
        while (true)
        {
            var generation = Volatile.Read(ref _current);
            if (generation.TryEnter())
            {
                return generation;
            }
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

            // Not awaited: the old build stops once its last running request ends, which the watcher need not wait for.
            _ = Interlocked.Exchange(ref _current, next).Retire();
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
        var emulator = new LambdaEmulator(new EmulatorOptions
        {
            Log = line => log($"  [{line.Function[(table.AppName.Length + 1)..]}#{line.InstanceId}] {line.Line}"),
        });
        foreach (var route in table.Routes)
        {
            emulator.AddFunction(new LambdaFunction
            {
                Name = EmulatedRoutes.FunctionName(table.AppName, route.Id),
                // No executable runs: the route's code is in the loaded build, whose folder is the task root.
                Executable = build.AssemblyPath!,
                MemorySizeMb = route.Settings.MemorySize,
                Timeout = TimeSpan.FromSeconds(route.Settings.Timeout),
                Handler = route.Handler,
            }, InProcessRuntime.Launcher(app.HandlerFactory(route.Id)));
        }

        var routes = table.Routes.Select(r => new DevRoute(r.Id, r.Route, r.File, r.Paths, DevRoute.AnyMethod, r.Settings.Timeout, r.Settings.MemorySize, r.Settings.Streaming, r.Settings.Authorizer, r.Settings.AuthorizationScopes, r.Style == RouteStyle.Authorizer)).ToList();
        return new Generation(app, new DevRouteSet(routes), new EmulatedRoutes(emulator, table.AppName));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _watcher?.Dispose();
        if (_watchLoop is not null)
        {
            await _watchLoop;
        }

        await Volatile.Read(ref _current).Retire();
        _stop.Dispose();
    }

    /// <summary>
    /// One build being served: its loaded app, routes and functions. Each request holds it; a reload retires it, and the
    /// last of its requests to end (or the retirement, when none is running) stops its instances and lets the code go.
    /// </summary>
    private sealed class Generation(LoadedApp app, DevRouteSet routes, EmulatedRoutes functions)
    {
        // The host's own hold plus one per running request; 0 once retired and drained.
        private int _holds = 1;
        private Task _stopped = Task.CompletedTask;

        public DevRouteSet Routes => routes;

        public EmulatedRoutes Functions => functions;

        public bool TryEnter()
        {
            while (true)
            {
                var holds = Volatile.Read(ref _holds);
                if (holds == 0)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref _holds, holds + 1, holds) == holds)
                {
                    return true;
                }
            }
        }

        public void Exit()
        {
            if (Interlocked.Decrement(ref _holds) == 0)
            {
                _stopped = StopAsync();
            }
        }

        /// <summary>Drops the host's hold; completes when the instances are stopped, or at once when requests still hold it.</summary>
        public Task Retire()
        {
            Exit();
            return _stopped;
        }

        private async Task StopAsync()
        {
            await functions.DisposeAsync();
            // A collectible context unloads once nothing references its code (a timed-out handler's thread may, for a while).
            app.Unload();
        }
    }
}
