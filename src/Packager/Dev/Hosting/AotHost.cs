using System.Text.Json;
using LambdaRoutes.Contracts.Manifest;
using LambdaRoutes.Local;
using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>
/// <c>--aot</c>: runs <c>lambda-routes build</c> (incremental, under its build lock), reads <c>manifest.json</c>, and serves
/// every route's real <c>bootstrap</c> through the Lambda emulator — the exact artifact that ships, one process per
/// concurrent request, with Lambda's instance reuse, deadlines and timeouts. Instance output goes to the dev log.
/// A streaming route's chunks are passed on as the Runtime API receives them.
/// </summary>
internal sealed class AotHost : IRouteHost
{
    private readonly EmulatedRoutes _routes;

    private AotHost(LambdaEmulator emulator, string appName, DevRouteSet routes)
    {
        _routes = new EmulatedRoutes(emulator, appName);
        Routes = routes;
    }

    public string Mode => "aot";

    public DevRouteSet Routes { get; }

    /// <summary>The emulator behind the routes (tests read its instances).</summary>
    public LambdaEmulator Emulator => _routes.Emulator;

    /// <summary>How much longer than Lambda's limits an emulated (qemu-user) bootstrap may take.</summary>
    private const int EmulationSlowdown = 10;

    /// <summary>Lambda's limit for an on-demand init (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html).</summary>
    private const int LambdaInitLimitSeconds = 10;

    public static async Task<AotHost?> StartAsync(DevOptions options, TextWriter output, Action<string> log, CancellationToken cancel)
    {
        var build = new BuildOptions(options.AppDir, Api: options.Flavor, Architecture: options.Architecture);
        if (ArchitectureLauncher.Problem(build.ArchitectureName) is { } cannotRun)
        {
            output.WriteLine($"dev --aot: {cannotRun}.");
            return null;
        }

        if (await BuildPipeline.RunAsync(build, new PlainBuildReporter(output), output, cancel) != 0)
        {
            return null;
        }

        var manifestPath = Path.Combine(build.ResolvedOutDir, ManifestWriter.FileName);
        var manifest = JsonSerializer.Deserialize(await File.ReadAllTextAsync(manifestPath, cancel), ManifestJson.Readable.ManifestDocument)
                       ?? throw new InvalidDataException($"{manifestPath} is empty.");
        var emulator = new LambdaEmulator(new EmulatorOptions
        {
            Log = line => log($"  [{line.Function}#{line.InstanceId}] {line.Line}"),
        });
        // A route may declare its own architecture ([RouteConfig(Architecture = ...)]): each one present must be runnable here.
        if (manifest.Routes.Select(r => r.Architecture ?? manifest.Architecture).Distinct().Select(a => ArchitectureLauncher.Problem(a)).FirstOrDefault(p => p is not null) is { } cannotRunRoute)
        {
            output.WriteLine($"dev --aot: {cannotRunRoute}.");
            return null;
        }

        foreach (var route in manifest.Routes)
        {
            var (executable, arguments) = ArchitectureLauncher.Command(Path.Combine(build.ResolvedOutDir, route.Bootstrap), route.Architecture ?? manifest.Architecture);
            // Under qemu-user a cold start alone can pass Lambda's 10 s init limit on a busy machine: emulation is for
            // correctness, so its time limits are stretched rather than reported as init timeouts.
            var slowdown = arguments.Count > 0 ? EmulationSlowdown : 1;
            emulator.AddFunction(new LambdaFunction
            {
                Name = EmulatedRoutes.FunctionName(manifest.App, route.Id),
                Executable = executable,
                Arguments = arguments,
                WorkingDirectory = Path.GetDirectoryName(Path.Combine(build.ResolvedOutDir, route.Bootstrap)),
                MemorySizeMb = route.Settings.MemorySize ?? RouteSettings.DefaultMemorySize,
                Timeout = TimeSpan.FromSeconds((route.Settings.Timeout ?? RouteSettings.DefaultTimeout) * slowdown),
                InitTimeout = TimeSpan.FromSeconds(LambdaInitLimitSeconds * slowdown),
                Handler = route.Handler,
            });
        }

        var routes = manifest.Routes
            .Select(r => new DevRoute(r.Id, r.Route, r.File, r.Paths, DevRoute.AnyMethod, r.Settings.Timeout ?? RouteSettings.DefaultTimeout, r.Settings.MemorySize ?? RouteSettings.DefaultMemorySize, r.Settings.Streaming, r.Settings.Authorizer, r.Settings.AuthorizationScopes, ManifestKinds.Of(r) == ManifestKinds.Authorizer))
            .ToList();
        return new AotHost(emulator, manifest.App, new DevRouteSet(routes));
    }

    public Task<RouteRun> InvokeAsync(DevRoute route, byte[] eventJson) => _routes.InvokeAsync(route, eventJson);

    public Task<RouteRun> StreamAsync(DevRoute route, byte[] eventJson, Func<ReadOnlyMemory<byte>, Task> write) =>
        _routes.StreamAsync(route, eventJson, write);

    public ValueTask DisposeAsync() => _routes.DisposeAsync();
}
