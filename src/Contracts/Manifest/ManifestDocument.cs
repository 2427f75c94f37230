using System.Text.Json.Serialization;

namespace LambdaRoutes.Contracts.Manifest;

/// <summary>
/// <c>&lt;out&gt;/manifest.json</c>, written by <c>lambda-routes build</c> and read by the CDK construct, the dev server and
/// the bench; its published shape is docs/manifest.schema.json (docs/architecture.md, "manifest.json"). Paths are relative to
/// the folder holding the manifest, '/'-separated. The packager fills every field; a reader of a file it did not write
/// (an older or hand-edited one) can meet a required field missing, which deserializes as null, so the construct
/// checks them and reports each as a diagnostic instead of failing on the first.
/// </summary>
/// <remarks><c>SchemaVersion</c>: 1 today; null only in a file that is not a manifest.</remarks>
internal sealed record ManifestDocument(
    int? SchemaVersion,
    string App,
    string AppProject,
    string Framework,
    string Architecture,
    string Runtime,
    IReadOnlyList<ManifestRouteEntry> Routes)
{
    /// <summary>The version this library writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The only Lambda runtime a bootstrap runs on.</summary>
    public const string LambdaRuntime = "provided.al2023";

    /// <summary>The file's name inside a build's output folder.</summary>
    public const string FileName = "manifest.json";
}

/// <summary>
/// The fields of a route that discovery alone knows: the element <c>lambda-routes routes --json</c> prints, and the first
/// fields of every manifest entry (<see cref="ManifestRouteEntry"/>), so the two cannot drift apart.
/// </summary>
internal record ManifestRoute(
    string Id,
    string File,
    string Route,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Methods,
    string Style,
    string Handler,
    ManifestSettings Settings);

/// <summary>One route: one Lambda function and its built artifact, after the fields <see cref="ManifestRoute"/> names.</summary>
/// <remarks>
/// <c>Architecture</c>: what this route's bootstrap was built for: its <c>[RouteConfig(Architecture)]</c>, else the manifest's;
/// absent (null) in manifests written before routes could declare their own, where the top-level one applies.
/// <c>Kind</c>: what the entry deploys as (<see cref="ManifestKinds"/>); null, and not written, for a route, the default, so
/// a manifest of routes keeps its exact shape.
/// The build fields are init properties, not required ones: a reader meets a missing one as null (or 0) and the construct
/// reports it (see <see cref="ManifestDocument"/>). They are ordered after the route's fields, as the manifest writes them.
/// </remarks>
internal sealed record ManifestRouteEntry : ManifestRoute
{
    public ManifestRouteEntry(ManifestRoute route)
        : base(route)
    {
    }

    /// <summary>For the JSON reader, which sets every field it finds.</summary>
    [JsonConstructor]
    public ManifestRouteEntry()
        : base(null!, null!, null!, null!, null!, null!, null!, null!)
    {
    }

    [JsonPropertyOrder(1)] public string? Architecture { get; init; }

    [JsonPropertyOrder(1)] public string Artifact { get; init; } = null!;

    [JsonPropertyOrder(1)] public string Bootstrap { get; init; } = null!;

    [JsonPropertyOrder(1)] public string Zip { get; init; } = null!;

    [JsonPropertyOrder(1)] public string ZipSha256 { get; init; } = null!;

    [JsonPropertyOrder(1)] public long BootstrapBytes { get; init; }

    [JsonPropertyOrder(1)] public long ZipBytes { get; init; }

    [JsonPropertyOrder(1)] public string InputHash { get; init; } = null!;

    [JsonPropertyOrder(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; init; }
}
