using LambdaRoutes.Contracts.Manifest;
namespace LambdaRoutes.Packager.Packaging;

/// <summary>Lambda CPU architectures, named as Lambda and the manifest name them.</summary>
internal enum Architecture
{
    X86_64,
    Arm64,
}

/// <summary>How routes become binaries: one AOT binary per route (the default), or one binary for all routes.</summary>
internal enum BuildMode
{
    PerRoute,
    Single,
}

/// <summary>
/// Options of one <c>build</c>. <see cref="OutDir"/> defaults to <c>&lt;app&gt;/.lambda-routes/out</c> (git-ignored, outside api/).
/// <see cref="Jobs"/> bounds parallel AOT publishes: each peaks near 1 GB, so it defaults to the core count.
/// <see cref="Cache"/> is the artifact cache (none unless given: the CLI picks the default one); <see cref="Shard"/> builds one
/// share of the routes for <c>assemble</c>. <see cref="Toolchain"/> names the compiler in cache entries (null: the one
/// <c>dotnet</c> on this machine selects).
/// </summary>
internal sealed record BuildOptions(
    string AppDir,
    string? OutDir = null,
    string Framework = BuildOptions.DefaultFramework,
    Architecture Architecture = Architecture.X86_64,
    int Jobs = 0,
    LambdaRoutes.Cdk.ApiKind Api = LambdaRoutes.Cdk.ApiKind.Http,
    BuildMode Mode = BuildMode.PerRoute,
    Caching.ArtifactCache? Cache = null,
    Sharding.RouteShard? Shard = null,
    Caching.DotnetToolchain? Toolchain = null)
{
    public const string DefaultOutFolder = ".lambda-routes/out";

    /// <summary>.NET 10 is the supported LTS (.NET 8 and 9 reached end of support in November 2026); net8.0/net9.0 stay selectable.</summary>
    public const string DefaultFramework = "net10.0";

    public string ResolvedOutDir => Path.GetFullPath(OutDir ?? Path.Combine(AppDir, DefaultOutFolder));

    public int ResolvedJobs => Jobs > 0 ? Jobs : Environment.ProcessorCount;

    public string RuntimeIdentifier => Architecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";

    public string ArchitectureName => NameOf(Architecture);

    public static string NameOf(Architecture architecture) =>
        architecture == Architecture.Arm64 ? LambdaArchitectures.Arm64 : LambdaArchitectures.X86_64;

    /// <summary>The architecture Lambda names <paramref name="name"/> (<see cref="NameOf"/>), or null for any other name.</summary>
    public static Architecture? Named(string? name) =>
        Enum.GetValues<Architecture>().Where(a => NameOf(a) == name).Select(a => (Architecture?)a).FirstOrDefault();

    /// <summary>The options one route builds with: the app's, with the architecture the route declares, if any.</summary>
    public BuildOptions For(Routing.RouteEntry route) =>
        Named(route.Settings.Architecture) is { } declared ? this with { Architecture = declared } : this;
}
