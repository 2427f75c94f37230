using System.Diagnostics;
using LambdaRoutes.Contracts.Diagnostics;
using LambdaRoutes.Packager.Caching;
using LambdaRoutes.Packager.Diagnostics;
using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Routing;
using LambdaRoutes.Packager.Sharding;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// <c>lambda-routes build</c> as stages (docs/packager.md):
///   1. discover routes; any error stops here and nothing is built;
///   2. take the app's build lock (<see cref="BuildLock"/>) and hold it to the end, so a second build of the app waits and
///      then plans against what the first one committed;
///   3. plan: generate each entry project (written for every route, also cached ones), hash its inputs (the app sources it reaches, <see cref="SourceClosure"/>),
///      mark up-to-date routes cached and say why each other route is rebuilt (a no-op rebuild ends here without running
///      dotnet at all); with --shard keep only this share of the routes; take over the routes an earlier build that stopped
///      had finished and staged (<see cref="StagedRoutes"/>); then stage the routes whose input hash the artifact cache holds
///      (<see cref="CachedRoutes"/>): they need no dotnet either;
///   4. under the locks of the projects the compile writes (the app's and the shared ones it references): restore
///      everything and compile the app once;
///   5. publish the remaining routes with Native AOT in one MSBuild run (<see cref="BatchPublisher"/>, --jobs at a time), and as
///      each one ends: check glibc, zip into <c>&lt;out&gt;/.staging/</c> (the previous manifest and artifacts stay untouched and
///      usable meanwhile), store it in the artifact cache (<see cref="CacheUploads"/>) and report it;
///   6. only if every route has its artifacts: remove the old manifest, move this build's staged artifacts into place, write
///      the manifest atomically (a share writes <c>shard.json</c> for <c>assemble</c> instead). A failed or interrupted build
///      leaves the previous good output as it was, and the routes it finished staged for the next build;
///   7. after success only: remove the artifacts and entry projects of routes no longer in the table (<see cref="StaleOutput"/>).
/// </summary>
internal static class BuildPipeline
{
    public static async Task<int> RunAsync(BuildOptions options, IBuildReporter reporter, TextWriter stderr, CancellationToken cancel = default, IBuildSteps? steps = null)
    {
        var total = Stopwatch.StartNew();
        var table = RouteDiscovery.Discover(options.AppDir, new DiscoveryOptions(options.Api));
        DiagnosticPrinter.Print(table.Diagnostics, stderr);
        if (table.HasErrors)
        {
            return 1;
        }

        if (SingleBinaryArchitecture.Problem(table, options) is { } mixed)
        {
            stderr.WriteLine(mixed);
            return 1;
        }

        try
        {
            return await BuildUnderAppLockAsync(table, options, reporter, stderr, steps ?? DotnetBuildSteps.Instance, total, cancel);
        }
        catch (BuildLockException e)
        {
            stderr.WriteLine($"error LR3101: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> BuildUnderAppLockAsync(
        RouteTable table, BuildOptions options, IBuildReporter reporter, TextWriter stderr, IBuildSteps steps, Stopwatch total, CancellationToken cancel)
    {
        var outDir = options.ResolvedOutDir;
        Directory.CreateDirectory(outDir);
        using var appLock = await BuildLock.ForAppAsync(table.AppDir, reporter.Info, cancel);
        var stages = new StageTimes();
        var plan = stages.Time("plan", () => Plan(table, options, outDir));
        var allBuilds = plan.Routes;
        var builds = options.Shard?.Select(allBuilds) ?? allBuilds;
        // What a build that stopped left staged (the app lock rules out a running one): the routes it finished are taken over.
        var resumed = StagedRoutes.Resume(outDir, builds);
        // Every route of this build gets its entry project, also those that are up to date or come from the cache: the
        // dev server, the bench and the user's own tools read obj/lambda-routes/<Id>/ and must find the current table there.
        foreach (var entry in builds.Select(b => b.Entry).Distinct())
        {
            EntryProjectWriter.Write(entry);
        }

        if (resumed.Count > 0)
        {
            reporter.Info($"restored {resumed.Count} route(s) an earlier build finished before it stopped: {string.Join(", ", resumed.Select(b => b.Route.Id))}");
        }

        await CachedRoutes.RestoreAsync(options.Cache, builds, options, reporter, stderr, cancel);
        var pending = builds.Where(b => b.State == RouteBuildState.Queued).ToList();
        foreach (var build in pending)
        {
            reporter.Info($"rebuilding {build.Route.Id}: {build.Reason}");
        }

        var sharedInputs = plan.Inputs.SharedInputsHash;
        var checkOnly = pending.Count == 0 && AppCompileCheck.IsNeeded(table.AppDir, sharedInputs);
        var uploads = new CacheUploads(options.Cache, options, reporter, stderr, cancel);
        bool succeeded;
        try
        {
            try
            {
                succeeded = !((pending.Count > 0 && !await BuildPendingAsync(table, pending, builds, options, reporter, stderr, steps, stages, uploads, cancel)) ||
                              (checkOnly && !await CompilesAsync(table, builds, options, reporter, stderr, steps, stages, cancel)));
            }
            finally
            {
                // Uploads read the staged bootstraps: they end before anything moves or clears them, also when the build stops.
                await uploads.CompleteAsync();
            }
        }
        catch (OperationCanceledException)
        {
            StagedRoutes.KeepFinished(outDir, builds); // a cancelled build, like a failed one, keeps what it finished
            throw;
        }

        if (!succeeded)
        {
            var finished = StagedRoutes.KeepFinished(outDir, builds);
            reporter.Summary(builds, total.Elapsed);
            var previous = File.Exists(Path.Combine(outDir, ManifestWriter.FileName)) ? "the previous manifest and artifacts are unchanged" : "no manifest was written";
            var what = checkOnly ? $"{table.AppName} does not compile" : $"{builds.Count(b => b.State == RouteBuildState.Failed)} route(s) failed";
            var kept = finished > 0 ? $"; the {finished} route(s) that finished are kept for the next build" : "";
            stderr.WriteLine($"build failed: {what}; {previous}{kept}.");
            return 1;
        }

        stages.Time("commit", () => Commit(table, plan, builds, options, outDir));
        if (pending.Count > 0 || checkOnly)
        {
            AppCompileCheck.Record(table.AppDir, sharedInputs);
        }

        // A share's --out holds that share only, and the other shares' entry projects are not stale: nothing to remove.
        var stale = options.Shard is null ? StaleOutput.Remove(table.AppDir, outDir, builds) : [];
        reporter.Summary(builds, total.Elapsed);
        reporter.Info(stages.Describe());
        if (stale.Count > 0)
        {
            reporter.Info($"removed the output of route(s) no longer in the app: {string.Join(", ", stale)}");
        }

        reporter.Info($"manifest: {Path.Combine(outDir, ManifestWriter.FileName)}");
        return 0;
    }

    public static BuildPlan Plan(RouteTable table, BuildOptions options, string outDir)
    {
        var hasher = InputHasher.Analyse(table);
        var combined = options.Mode == BuildMode.Single ? EntryProjectWriter.CreateCombined(table, options) : null;
        var combinedInputs = combined is null ? null : hasher.ForCombined(combined);
        return new BuildPlan(hasher, table.Routes.Select(route =>
        {
            var entry = combined ?? EntryProjectWriter.Create(table, route, options);
            var inputs = combinedInputs ?? hasher.ForRoute(route, entry);
            var build = new RouteBuild(route, entry, inputs, new ArtifactPaths(outDir, route.Id));
            build.State = build.Artifacts.IsUpToDate(build.InputHash) ? RouteBuildState.Cached : RouteBuildState.Queued;
            build.Reason = RebuildReason.For(build);
            return build;
        }).ToList());
    }

    /// <summary>Nothing to rebuild, but the app changed: compile it once (<see cref="AppCompileCheck"/>), publish nothing.</summary>
    private static Task<bool> CompilesAsync(
        RouteTable table, IReadOnlyList<RouteBuild> builds, BuildOptions options, IBuildReporter reporter, TextWriter stderr,
        IBuildSteps steps, StageTimes stages, CancellationToken cancel)
    {
        reporter.Info($"no route reaches what changed; compiling {table.AppName} once to check it");
        return CompileOnceAsync(table, builds, options, reporter, stderr, steps, stages, cancel);
    }

    /// <summary>Restores and compiles the app and the given routes' entry projects once, under the compile locks; prints the errors.</summary>
    private static async Task<bool> CompileOnceAsync(
        RouteTable table, IReadOnlyList<RouteBuild> builds, BuildOptions options, IBuildReporter reporter, TextWriter stderr,
        IBuildSteps steps, StageTimes stages, CancellationToken cancel)
    {
        var entries = builds.Select(b => b.Entry).Distinct().ToList();
        CompileResult compile;
        using (await BuildLock.ForCompileAsync(table, reporter.Info, cancel))
        {
            compile = await stages.TimeAsync("restore+compile", () => steps.RestoreAndCompileAsync(table, entries, options, cancel));
        }

        foreach (var error in compile.Errors)
        {
            stderr.WriteLine(error);
        }

        if (compile.Succeeded)
        {
            reporter.Info($"compiled in {compile.Elapsed.TotalSeconds:0.0} s");
        }

        return compile.Succeeded;
    }

    private static async Task<bool> BuildPendingAsync(
        RouteTable table, IReadOnlyList<RouteBuild> pending, IReadOnlyList<RouteBuild> builds, BuildOptions options,
        IBuildReporter reporter, TextWriter stderr, IBuildSteps steps, StageTimes stages, CacheUploads uploads, CancellationToken cancel)
    {
        // Routes may declare their own architecture: each one among this build's needs its linker.
        var noToolchain = pending.Select(b => b.Entry.Architecture).Distinct()
            .Select(a => CrossToolchain.For(a).Problem((options with { Architecture = a }).RuntimeIdentifier))
            .FirstOrDefault(problem => problem is not null);
        if (noToolchain is not null)
        {
            stderr.WriteLine(noToolchain);
            foreach (var build in pending)
            {
                build.State = RouteBuildState.Failed;
            }

            return false;
        }

        reporter.Info($"compiling {table.AppName} once for {pending.Count} route(s) ({builds.Count - pending.Count} cached)");
        if (!await CompileOnceAsync(table, pending, options, reporter, stderr, steps, stages, cancel))
        {
            foreach (var build in pending)
            {
                build.State = RouteBuildState.Failed;
            }

            return false;
        }

        if (options.Mode == BuildMode.Single)
        {
            reporter.Info($"publishing one Native AOT binary for all {builds.Count} routes");
            await stages.TimeAsync("publish", () => reporter.ShowWhileAsync(builds, () => PublishCombinedAsync(pending[0].Entry, pending, steps, uploads, cancel)));
        }
        else
        {
            reporter.Info($"publishing {pending.Count} route(s) with Native AOT, {options.ResolvedJobs} at a time");
            await stages.TimeAsync("publish", () => reporter.ShowWhileAsync(builds, () => PublishAllAsync(pending, options, reporter, steps, uploads, cancel)));
        }

        foreach (var build in pending.Where(b => b.Errors.Count > 0))
        {
            stderr.WriteLine($"{build.Route.Id} ({build.Route.File}):");
            foreach (var line in build.Errors)
            {
                stderr.WriteLine("  " + line);
            }
        }

        return pending.All(b => b.State == RouteBuildState.Built);
    }

    /// <summary>Each route is staged, stored in the artifact cache and reported as soon as its publish has ended.</summary>
    private static Task PublishAllAsync(
        IReadOnlyList<RouteBuild> pending, BuildOptions options, IBuildReporter reporter, IBuildSteps steps, CacheUploads uploads, CancellationToken cancel)
    {
        var byEntry = pending.ToDictionary(b => b.Entry);
        return steps.PublishEachAsync([.. byEntry.Keys], options.ResolvedJobs,
            entry =>
            {
                var build = byEntry[entry];
                build.StartedAt = DateTimeOffset.UtcNow;
                build.State = RouteBuildState.Building;
                reporter.RouteStarted(build);
            },
            (entry, outcome) =>
            {
                var build = byEntry[entry];
                RoutePublisher.Apply(outcome, build, withRouteSelector: false);
                uploads.Add(build);
                reporter.RouteFinished(build);
            },
            cancel);
    }

    /// <summary>Single-binary mode: one publish, then every route's artifacts from the same binary plus its route file.</summary>
    private static async Task PublishCombinedAsync(EntryProject combined, IReadOnlyList<RouteBuild> pending, IBuildSteps steps, CacheUploads uploads, CancellationToken cancel)
    {
        foreach (var build in pending)
        {
            build.StartedAt = DateTimeOffset.UtcNow;
            build.State = RouteBuildState.Building;
        }

        var outcome = await steps.PublishAsync(combined, cancel);
        foreach (var build in pending)
        {
            RoutePublisher.Apply(outcome, build, withRouteSelector: true);
            uploads.Add(build);
        }
    }

    /// <summary>
    /// From here on nothing can fail but the file system. Only the routes this build staged move; the manifest goes first, so
    /// that an interruption while the artifacts move never leaves a manifest that points at a mix of old and new files.
    /// </summary>
    private static void Commit(RouteTable table, BuildPlan plan, IReadOnlyList<RouteBuild> builds, BuildOptions options, string outDir)
    {
        var staged = builds.Where(b => b.State == RouteBuildState.Built).ToList();
        if (staged.Count > 0)
        {
            ManifestWriter.Remove(outDir);
            foreach (var build in staged)
            {
                build.Staged.MoveOver(build.Artifacts);
            }

            StagedRoutes.Delete(outDir);
        }

        if (options.Shard is { } shard)
        {
            ShardManifest.Write(ShardManifest.Create(table, shard, plan, builds, options), outDir);
            return;
        }

        ShardManifest.Remove(outDir);
        ManifestWriter.Write(ManifestWriter.Create(table, builds, options), outDir);
    }
}
