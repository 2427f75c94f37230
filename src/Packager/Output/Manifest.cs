namespace LambdaRoutes.Packager.Output;

/// <summary>
/// <c>&lt;out&gt;/manifest.json</c>, the contract read by the CDK construct, the dev server and the bench (docs/architecture.md).
/// Paths are relative to the folder holding the manifest, '/'-separated.
/// </summary>
internal sealed record Manifest(
    int SchemaVersion,
    string App,
    string AppProject,
    string Framework,
    string Architecture,
    string Runtime,
    IReadOnlyList<ManifestRoute> Routes);

/// <summary>One route; <see cref="Architecture"/> is the one its bootstrap was built for (the manifest's top-level one unless it declares its own).</summary>
internal sealed record ManifestRoute(
    string Id,
    string File,
    string Route,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Methods,
    string Style,
    string Handler,
    SettingsInfo Settings,
    string Architecture,
    string Artifact,
    string Bootstrap,
    string Zip,
    string ZipSha256,
    long BootstrapBytes,
    long ZipBytes,
    string InputHash,
    // "authorizer" for an authorizers/<name>.cs function (no paths; "route" is its name); absent for a route.
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Kind = null);

/// <summary>The manifest entry kinds besides a route (which writes none).</summary>
internal static class ManifestKinds
{
    public const string Authorizer = "authorizer";
}
