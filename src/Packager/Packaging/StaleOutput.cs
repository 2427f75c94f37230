namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// After a successful build (a no-op one included), removes what is left of routes that are no longer in the route
/// table — a deleted or renamed route file — so they neither linger beside the manifest nor pile up under obj/:
///   - <c>&lt;out&gt;/&lt;Id&gt;/</c> and <c>&lt;out&gt;/&lt;Id&gt;.zip</c>, only where the folder carries the build's stamp;
///   - <c>&lt;app&gt;/obj/lambda-routes/&lt;Id&gt;/</c>, only where the folder holds a generated <c>&lt;Id&gt;.csproj</c>.
/// Anything else in those two folders, and everything outside them, is not ours and stays. Symbolic links are never
/// followed. A failed build never gets here, so its previous output stays whole.
/// </summary>
internal static class StaleOutput
{
    /// <summary>Removes the leftovers; returns the ids of the routes whose artifacts or entry project went.</summary>
    public static IReadOnlyList<string> Remove(string appDir, string outDir, IReadOnlyList<RouteBuild> builds)
    {
        var current = builds.Select(b => b.Route.Id).ToHashSet(StringComparer.Ordinal);
        var removed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (id, folder) in Folders(outDir).Where(f => !current.Contains(f.Id)))
        {
            var artifacts = new ArtifactPaths(outDir, id);
            if (File.Exists(artifacts.Stamp))
            {
                Directory.Delete(folder, recursive: true);
                File.Delete(artifacts.Zip);
                removed.Add(id);
            }
        }

        // The combined entry of --mode single is the app's, not a route's: it stays for the next single-binary build.
        var entryRoot = Path.Combine(appDir, EntryProject.EntryRoot);
        foreach (var (id, folder) in Folders(entryRoot).Where(f => !current.Contains(f.Id) && f.Id != EntryProjectWriter.CombinedId))
        {
            if (File.Exists(Path.Combine(folder, id + ".csproj")))
            {
                Directory.Delete(folder, recursive: true);
                removed.Add(id);
            }
        }

        return [.. removed];
    }

    /// <summary>The real (not linked) sub-folders of <paramref name="root"/>, by name.</summary>
    private static IEnumerable<(string Id, string Folder)> Folders(string root) =>
        Directory.Exists(root)
            ? new DirectoryInfo(root).GetDirectories()
                .Where(d => d.LinkTarget is null && !d.Name.StartsWith('.'))
                .Select(d => (d.Name, d.FullName))
            : [];
}
