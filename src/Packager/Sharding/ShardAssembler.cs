using LambdaRoutes.Contracts.Manifest;
using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Packaging;

namespace LambdaRoutes.Packager.Sharding;

/// <summary>
/// <c>lambda-routes assemble &lt;shard outputs…&gt; -o &lt;out&gt;</c>: merges the outputs of <c>build --shard i/n</c> for every i into
/// the output one <c>build</c> of the whole app would have written — the same manifest bytes, the same artifacts — after
/// proving the shares belong together: the same app, settings and shared sources, every share once, every route in exactly
/// one share, every zip matching its SHA-256. Anything else is refused with all its reasons and nothing is written.
/// </summary>
internal static class ShardAssembler
{
    /// <param name="appDir">The app folder on this machine, when it is not where the shards were built (CI machines that check out
    /// to different paths): the manifest's <c>appProject</c> points at it.</param>
    public static int Run(IReadOnlyList<string> shardDirs, string outDir, string? appDir, TextWriter stdout, TextWriter stderr)
    {
        var errors = new List<string>();
        var shards = new List<(string Dir, ShardManifest Shard)>();
        foreach (var dir in shardDirs.Select(d => Path.GetFullPath(d)))
        {
            if (ShardManifest.TryRead(dir, out var problem) is { } shard)
            {
                shards.Add((dir, shard));
            }
            else
            {
                errors.Add($"error LR3201: {problem}");
            }
        }

        if (errors.Count == 0)
        {
            errors.AddRange(Mismatches(shards));
        }

        if (errors.Count == 0)
        {
            errors.AddRange(ShareProblems(shards));
        }

        if (errors.Count == 0)
        {
            errors.AddRange(ArtifactProblems(shards));
        }

        var appProject = errors.Count == 0 ? AppProjectHere(shards[0].Shard, appDir, errors) : null;

        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine(error);
            }

            stderr.WriteLine("assemble failed: nothing was written.");
            return 1;
        }

        var manifest = Write(shards, appProject!, Path.GetFullPath(outDir));
        stdout.WriteLine($"assembled {manifest.Routes.Count} route(s) from {shards.Count} shard output(s): {Path.Combine(Path.GetFullPath(outDir), ManifestWriter.FileName)}");
        return 0;
    }

    /// <summary>LR3202: shares of different builds — another app, other settings, other shared sources or another route table.</summary>
    private static IEnumerable<string> Mismatches(List<(string Dir, ShardManifest Shard)> shards)
    {
        var (firstDir, first) = shards[0];
        foreach (var (dir, shard) in shards.Skip(1))
        {
            var differences = new List<string>();
            void Compare(string what, object? expected, object? actual)
            {
                if (!Equals(expected, actual))
                {
                    differences.Add($"{what} '{actual}' (not '{expected}')");
                }
            }

            Compare("app", first.Manifest.App, shard.Manifest.App);
            Compare("app project", Path.GetFileName(first.AppProjectPath), Path.GetFileName(shard.AppProjectPath)); // checkouts may sit in different folders
            Compare("framework", first.Manifest.Framework, shard.Manifest.Framework);
            Compare("architecture", first.Manifest.Architecture, shard.Manifest.Architecture);
            Compare("runtime", first.Manifest.Runtime, shard.Manifest.Runtime);
            Compare("manifest schema", first.Manifest.SchemaVersion, shard.Manifest.SchemaVersion);
            Compare("--api", first.Api, shard.Api);
            Compare("shared-source hash", first.SharedHash, shard.SharedHash);
            Compare("route ids", string.Join(", ", first.AllRoutes.Select(r => r.Id)), string.Join(", ", shard.AllRoutes.Select(r => r.Id)));
            if (differences.Count == 0)
            {
                differences.AddRange(first.AllRoutes.Zip(shard.AllRoutes)
                    .Where(pair => pair.First.InputHash != pair.Second.InputHash)
                    .Select(pair => $"route {pair.First.Id} input hash {pair.Second.InputHash} (not {pair.First.InputHash})"));
            }

            if (differences.Count > 0)
            {
                yield return $"error LR3202: {dir} was built from other inputs than {firstDir}: {string.Join("; ", differences)}.";
            }
        }
    }

    /// <summary>LR3203/LR3204: the shares given must be 1..n once each, and hold every route of the app exactly once.</summary>
    private static IEnumerable<string> ShareProblems(List<(string Dir, ShardManifest Shard)> shards)
    {
        var counts = shards.Select(s => s.Shard.Shards).Distinct().ToList();
        if (counts.Count > 1)
        {
            yield return $"error LR3203: the shard outputs split the app differently: {string.Join(", ", shards.Select(s => $"{s.Dir} is {s.Shard.Shard}/{s.Shard.Shards}"))}.";
            yield break;
        }

        var count = counts[0];
        foreach (var twice in shards.GroupBy(s => s.Shard.Shard).Where(g => g.Count() > 1))
        {
            yield return $"error LR3203: share {twice.Key}/{count} is given more than once: {string.Join(", ", twice.Select(s => s.Dir))}.";
        }

        var missing = Enumerable.Range(1, count).Except(shards.Select(s => s.Shard.Shard)).Select(i => $"{i}/{count}").ToList();
        if (missing.Count > 0)
        {
            yield return $"error LR3203: share(s) {string.Join(", ", missing)} missing: pass the --out folder of every `build --shard i/{count}`.";
        }

        var holders = shards.SelectMany(s => s.Shard.Manifest.Routes.Select(r => (r.Id, s.Dir))).ToLookup(r => r.Id, r => r.Dir);
        var all = shards[0].Shard.AllRoutes;
        foreach (var overlap in holders.Where(h => h.Count() > 1))
        {
            yield return $"error LR3204: route {overlap.Key} is in more than one shard output: {string.Join(", ", overlap)}.";
        }

        var known = all.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var strangers = holders.Select(h => h.Key).Where(id => !known.Contains(id)).ToList();
        if (strangers.Count > 0)
        {
            yield return $"error LR3204: route(s) {string.Join(", ", strangers)} are in a shard output but not in the app's route table.";
        }

        var absent = all.Where(r => !holders.Contains(r.Id)).Select(r => r.Id).ToList();
        if (absent.Count > 0 && missing.Count == 0)
        {
            yield return $"error LR3204: route(s) {string.Join(", ", absent)} are in no shard output.";
        }

        foreach (var (dir, shard) in shards)
        {
            foreach (var route in shard.Manifest.Routes.Where(r => all.Any(a => a.Id == r.Id && a.InputHash != r.InputHash)))
            {
                yield return $"error LR3202: route {route.Id} in {dir} was built from other inputs ({route.InputHash}) than its shard description names.";
            }
        }
    }

    /// <summary>LR3205: every route's bootstrap present and its zip the one the shard's manifest names.</summary>
    private static IEnumerable<string> ArtifactProblems(List<(string Dir, ShardManifest Shard)> shards)
    {
        foreach (var (dir, shard) in shards)
        {
            foreach (var route in shard.Manifest.Routes)
            {
                var artifacts = new ArtifactPaths(dir, route.Id);
                if (!File.Exists(artifacts.Bootstrap) || !File.Exists(artifacts.Zip))
                {
                    yield return $"error LR3205: {route.Id}: {artifacts.Bootstrap} or {artifacts.Zip} is missing.";
                }
                else if (ManifestWriter.Sha256(artifacts.Zip) is var sha256 && sha256 != route.ZipSha256)
                {
                    yield return $"error LR3205: {route.Id}: {artifacts.Zip} has SHA-256 {sha256}, its shard manifest says {route.ZipSha256}.";
                }
            }
        }
    }

    /// <summary>LR3206: the app project the manifest will point at must exist here: where the shards say, or under --app.</summary>
    private static string? AppProjectHere(ShardManifest first, string? appDir, List<string> errors)
    {
        var path = appDir is null ? first.AppProjectPath : Path.Combine(Path.GetFullPath(appDir), Path.GetFileName(first.AppProjectPath));
        if (File.Exists(path))
        {
            return path;
        }

        errors.Add(appDir is null
            ? $"error LR3206: the shards were built from {path}, which is not on this machine: pass --app <the app folder here>."
            : $"error LR3206: --app {appDir} holds no {Path.GetFileName(path)}, the project the shards were built from.");
        return null;
    }

    /// <summary>Stages every route's artifacts, moves them into place, and writes the manifest last, as a build commits.</summary>
    private static ManifestDocument Write(List<(string Dir, ShardManifest Shard)> shards, string appProjectPath, string outDir)
    {
        var first = shards[0].Shard;
        var byId = shards.SelectMany(s => s.Shard.Manifest.Routes.Select(r => (Route: r, s.Dir))).ToDictionary(r => r.Route.Id, StringComparer.Ordinal);
        var routes = first.AllRoutes.Select(r => byId[r.Id]).ToList();
        var staging = Path.Combine(outDir, ArtifactPaths.StagingFolder);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        foreach (var (route, dir) in routes)
        {
            var (from, to) = (new ArtifactPaths(dir, route.Id), new ArtifactPaths(staging, route.Id));
            Directory.CreateDirectory(to.Folder);
            foreach (var file in Directory.GetFiles(from.Folder))
            {
                File.Copy(file, Path.Combine(to.Folder, Path.GetFileName(file)));
            }

            ArtifactWriter.MakeExecutable(to.Bootstrap); // CI artifact stores may drop file modes on the way

            File.Copy(from.Zip, to.Zip);
        }

        ManifestWriter.Remove(outDir);
        foreach (var (route, _) in routes)
        {
            var (staged, final) = (new ArtifactPaths(staging, route.Id), new ArtifactPaths(outDir, route.Id));
            if (Directory.Exists(final.Folder))
            {
                Directory.Delete(final.Folder, recursive: true);
            }

            Directory.Move(staged.Folder, final.Folder);
            File.Move(staged.Zip, final.Zip, overwrite: true);
        }

        Directory.Delete(staging, recursive: true);
        var appProject = Path.GetRelativePath(outDir, appProjectPath).Replace('\\', '/');
        var manifest = first.Manifest with { AppProject = appProject, Routes = [.. routes.Select(r => r.Route)] };
        ManifestWriter.Write(manifest, outDir);
        return manifest;
    }
}
