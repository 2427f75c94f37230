using LambdaRoutes.Local.Gateway;

namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>
/// A route as the dev server serves it, from the route table (default mode) or the manifest (<c>--aot</c>). An app
/// authorizer (<c>authorizers/&lt;name&gt;.cs</c>) is one too, with <see cref="IsAuthorizer"/>, no paths, and its name as
/// <see cref="Route"/>: the host runs it like a route, on the authorizer event.
/// </summary>
internal sealed record DevRoute(
    string Id,
    string Route,
    string File,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Methods,
    int TimeoutSeconds,
    int MemorySize,
    bool Streaming = false,
    string? Authorizer = null,
    IReadOnlyList<string>? AuthorizationScopes = null,
    bool IsAuthorizer = false)
{
    /// <summary>
    /// Every route is wired as <c>ANY</c>, the CDK construct's default (<c>RouteMethods.Any</c>): a verb-style route's
    /// automatic HEAD and OPTIONS, its 405 and its 400 then come from the runtime, exactly as deployed.
    /// </summary>
    public static IReadOnlyList<string> AnyMethod { get; } = ["ANY"];
}

/// <summary>The routes being served and the router over their API Gateway paths; replaced as a whole on a rebuild.</summary>
internal sealed class DevRouteSet
{
    public DevRouteSet(IReadOnlyList<DevRoute> routes)
    {
        Routes = routes;
        Router = new GatewayRouter(routes
            .SelectMany(r => r.Paths.SelectMany(path => r.Methods.Select(method => new GatewayRoute(r.Id, path, method))))
            .ToList());
    }

    public IReadOnlyList<DevRoute> Routes { get; }

    public GatewayRouter Router { get; }

    public DevRoute Find(string id) => Routes.First(r => r.Id == id);

    /// <summary>The app authorizer named <paramref name="name"/> (<c>authorizers/&lt;name&gt;.cs</c>), or null.</summary>
    public DevRoute? FindAuthorizer(string name) => Routes.FirstOrDefault(r => r.IsAuthorizer && r.Route == name);
}

/// <summary>How one run of a route ended.</summary>
internal enum RunOutcome
{
    Success,
    FunctionError,
    Timeout,
    RequestTooLarge,
}

/// <summary>One run of a route: its output and where it ran (cold or warm, which instance).</summary>
internal sealed record RouteRun(RunOutcome Outcome, byte[] Payload, bool Cold, string Instance, string? ErrorType = null);

/// <summary>Runs routes: in-process from the compiled app, or as real bootstraps under the Lambda emulator.</summary>
internal interface IRouteHost : IAsyncDisposable
{
    /// <summary>"in-process" or "aot": shown in the banner.</summary>
    string Mode { get; }

    DevRouteSet Routes { get; }

    Task<RouteRun> InvokeAsync(DevRoute route, byte[] eventJson);

    /// <summary>
    /// Runs a streaming route; <paramref name="write"/> gets each chunk as the handler writes it (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming framing:
    /// prelude, 8 NULs, body). A write that throws (the client left, the prelude is bad) ends the run as a function error.
    /// </summary>
    Task<RouteRun> StreamAsync(DevRoute route, byte[] eventJson, Func<ReadOnlyMemory<byte>, Task> write);
}
