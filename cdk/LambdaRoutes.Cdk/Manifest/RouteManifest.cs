using LambdaRoutes.Contracts.Manifest;
namespace LambdaRoutes.Cdk.Manifest;

/// <summary>A validated <c>manifest.json</c>: the app's routes and where their built artifacts are.</summary>
/// <param name="ManifestPath">Absolute path of the manifest file.</param>
/// <param name="App">The app's name (its project name).</param>
/// <param name="Architecture">The app's Lambda architecture, <c>x86_64</c> or <c>arm64</c>: that of every route that declares none.</param>
/// <param name="Runtime">Lambda runtime identifier; always <c>provided.al2023</c> today.</param>
/// <param name="Routes">The routes, in the manifest's (precedence) order.</param>
public sealed record RouteManifest(
    string ManifestPath,
    string App,
    string Architecture,
    string Runtime,
    IReadOnlyList<ManifestRoute> Routes)
{
    /// <summary>
    /// The app's own Lambda authorizers (<c>authorizers/&lt;name&gt;.cs</c>, manifest <c>kind</c> "authorizer"): one function
    /// each, with its name as <see cref="ManifestRoute.Route"/> and no paths. Empty when the app has none.
    /// </summary>
    public IReadOnlyList<ManifestRoute> Authorizers { get; init; } = [];
}

/// <summary>One route of the manifest: one Lambda function.</summary>
/// <param name="Id">Stable PascalCase id (<c>ApiUsersId</c>); the construct id of its function.</param>
/// <param name="File">Route file relative to the app (<c>api/users/[id].cs</c>).</param>
/// <param name="Route">Next-form pattern (<c>/api/users/[id]</c>).</param>
/// <param name="Paths">API Gateway paths (<c>/api/users/{id}</c>); two for an optional catch-all.</param>
/// <param name="Methods"><c>ANY</c>, or the verbs a verb-style route exports.</param>
/// <param name="MemorySize">Memory in MB declared by the route, or null for the default.</param>
/// <param name="Timeout">Timeout in seconds declared by the route, or null for the default.</param>
/// <param name="ArtifactDirectory">Absolute folder holding the route's <c>bootstrap</c>.</param>
/// <param name="Streaming">
/// The route streams its response (<c>[RouteConfig(Streaming = true)]</c>, https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming): REST wires it with
/// <c>ResponseTransferMode</c> STREAM; with an HTTP API (which cannot stream) it also gets a function URL in
/// <c>RESPONSE_STREAM</c> mode.
/// </param>
/// <param name="Architecture">
/// The Lambda architecture of the route's <c>bootstrap</c>, <c>x86_64</c> or <c>arm64</c>: the route's own
/// (<c>[RouteConfig(Architecture = "arm64")]</c>) or else the manifest's.
/// </param>
/// <param name="ReservedConcurrency">Reserved concurrency declared by the route (<c>[RouteConfig(ReservedConcurrency = 5)]</c>), or null.</param>
/// <param name="ProvisionedConcurrency">Provisioned concurrency declared by the route (<c>[RouteConfig(ProvisionedConcurrency = 1)]</c>), or null.</param>
/// <param name="Authorizer">
/// The authorizer the route chose (<c>[RouteConfig(Authorizer)]</c>): a key of <see cref="LambdaRoutesApiProps.Authorizers"/>,
/// <c>"none"</c> for a public route, or null for <see cref="LambdaRoutesApiProps.DefaultAuthorizer"/>.
/// </param>
/// <param name="AuthorizationScopes">OAuth scopes the route requires (<c>[RouteConfig(AuthorizationScopes)]</c>), or null.</param>
public sealed record ManifestRoute(
    string Id,
    string File,
    string Route,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Methods,
    int? MemorySize,
    int? Timeout,
    string ArtifactDirectory,
    bool Streaming = false,
    string Architecture = LambdaArchitectures.Default,
    int? ReservedConcurrency = null,
    int? ProvisionedConcurrency = null,
    string? Authorizer = null,
    IReadOnlyList<string>? AuthorizationScopes = null);
