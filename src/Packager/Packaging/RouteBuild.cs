using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>Where one route stands during a build.</summary>
internal enum RouteBuildState
{
    Queued,
    Cached,
    Building,
    Built,
    Failed,
}

/// <summary>One route of a build: its entry project, its inputs, why it is (re)built, and (once done) its artifacts and figures.</summary>
internal sealed class RouteBuild(RouteEntry route, EntryProject entry, InputSet inputs, ArtifactPaths artifacts)
{
    public RouteEntry Route { get; } = route;

    public EntryProject Entry { get; } = entry;

    public InputSet Inputs { get; } = inputs;

    public string InputHash => Inputs.Hash;

    /// <summary>
    /// Why this route is built, or where its artifacts come from (<see cref="RebuildReason"/>): "up to date",
    /// "api/_lib/Greeting.cs changed", … A step that finds the artifacts elsewhere (a cache) says so here.
    /// </summary>
    public string Reason { get; set; } = "";

    public ArtifactPaths Artifacts { get; } = artifacts;

    /// <summary>
    /// Where this build writes the route's new artifacts: <c>&lt;out&gt;/.staging/</c>, moved over <see cref="Artifacts"/> only
    /// when every route of the build succeeded, so a failed or interrupted build leaves the previous output usable (and its
    /// finished routes staged for the next build, <see cref="StagedRoutes"/>).
    /// </summary>
    public ArtifactPaths Staged { get; } = artifacts with { OutDir = Path.Combine(artifacts.OutDir, ArtifactPaths.StagingFolder) };

    public RouteBuildState State { get; set; } = RouteBuildState.Queued;

    public TimeSpan Elapsed { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public int AotWarnings { get; set; }

    /// <summary>
    /// True when this build did not compile the bootstrap: it came from the artifact cache (Caching/CachedRoutes.cs) or from
    /// the staging folder of an earlier build that stopped after finishing the route (<see cref="StagedRoutes"/>).
    /// </summary>
    public bool FromCache { get; set; }

    public IReadOnlyList<string> Errors { get; set; } = [];
}

/// <summary>The on-disk layout of one route's output (docs/packager.md): <c>&lt;out&gt;/&lt;Id&gt;/bootstrap</c> and <c>&lt;out&gt;/&lt;Id&gt;.zip</c>.</summary>
internal sealed record ArtifactPaths(string OutDir, string Id)
{
    /// <summary>The folder under <c>&lt;out&gt;</c> where a build stages new artifacts (a dot-folder: never a route id).</summary>
    public const string StagingFolder = ".staging";

    public string Folder => Path.Combine(OutDir, Id);

    public string Bootstrap => Path.Combine(Folder, "bootstrap");

    public string Zip => Path.Combine(OutDir, Id + ".zip");

    /// <summary>The input hash of the artifacts present, written last: a route whose stamp matches is up to date.</summary>
    public string Stamp => Path.Combine(Folder, ".input-hash");

    /// <summary>The named inputs behind the stamp (<see cref="InputSet"/>), so that the next build can say what changed.</summary>
    public string InputList => Path.Combine(Folder, InputSet.FileName);

    public bool IsUpToDate(string inputHash) =>
        File.Exists(Stamp) && File.Exists(Bootstrap) && File.Exists(Zip) && File.ReadAllText(Stamp) == inputHash;

    /// <summary>Moves these (staged) artifacts, folder then zip, over <paramref name="final"/>'s previous ones.</summary>
    public void MoveOver(ArtifactPaths final)
    {
        if (Directory.Exists(final.Folder))
        {
            Directory.Delete(final.Folder, recursive: true);
        }

        Directory.Move(Folder, final.Folder);
        File.Move(Zip, final.Zip, overwrite: true);
    }
}
