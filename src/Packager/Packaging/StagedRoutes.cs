namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// What a build leaves in <c>&lt;out&gt;/.staging/</c> for the next one. A build stages each route as soon as it is built
/// (<see cref="ArtifactWriter"/>, its stamp written last), and moves them into place only when every route succeeded. A build
/// that fails or is cancelled keeps the routes it finished there, outside the manifest's view; the next build takes over those
/// whose stamp still matches their inputs instead of compiling them again, and clears everything else.
/// </summary>
internal static class StagedRoutes
{
    /// <summary>
    /// Start of a build: every queued route whose staged artifacts are whole and of its current inputs is built already
    /// (shown as restored: not compiled by this build); anything else in the staging folder goes.
    /// </summary>
    public static IReadOnlyList<RouteBuild> Resume(string outDir, IReadOnlyList<RouteBuild> builds)
    {
        var resumed = builds.Where(b => b.State == RouteBuildState.Queued && b.Staged.IsUpToDate(b.InputHash)).ToList();
        foreach (var build in resumed)
        {
            build.State = RouteBuildState.Built;
            build.FromCache = true;
        }

        KeepOnly(outDir, resumed);
        return resumed;
    }

    /// <summary>End of a failed build: keeps the routes it finished for the next build, removes the rest; returns how many it kept.</summary>
    public static int KeepFinished(string outDir, IReadOnlyList<RouteBuild> builds)
    {
        var finished = builds.Where(b => b.State == RouteBuildState.Built && b.Staged.IsUpToDate(b.InputHash)).ToList();
        KeepOnly(outDir, finished);
        return finished.Count;
    }

    /// <summary>After a commit, or to clear what an earlier build left.</summary>
    public static void Delete(string outDir) => KeepOnly(outDir, []);

    private static void KeepOnly(string outDir, IReadOnlyList<RouteBuild> keep)
    {
        var staging = Path.Combine(outDir, ArtifactPaths.StagingFolder);
        if (!Directory.Exists(staging))
        {
            return;
        }

        if (keep.Count == 0)
        {
            Directory.Delete(staging, recursive: true);
            return;
        }

        var kept = keep.SelectMany(b => new[] { b.Staged.Folder, b.Staged.Zip }).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(staging).EnumerateFileSystemInfos().Where(e => !kept.Contains(e.FullName)))
        {
            if (entry is DirectoryInfo { LinkTarget: null } folder)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }
}
