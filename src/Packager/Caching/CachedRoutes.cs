using Amazon.Runtime;
using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Packaging;

namespace LambdaRoutes.Packager.Caching;

/// <summary>
/// The artifact cache's two places in a build (<see cref="BuildPipeline"/>): before anything is compiled, routes whose input
/// hash is in the cache get their bootstrap from it and are staged like a fresh publish (so the zip, the stamp and the
/// manifest come out byte for byte as if built here); as each route is built, its bootstrap is stored (<see cref="CacheUploads"/>).
/// The cache only ever saves work: an entry that is not whole is a warning and the route is built; a cache that cannot be
/// reached is a warning and the build goes on without it.
/// </summary>
internal static class CachedRoutes
{
    /// <summary>Where downloaded bootstraps wait before they are staged: inside the staging folder, cleared with it.</summary>
    private const string DownloadFolder = ".cache";

    public const int ParallelTransfers = 8;

    public static async Task RestoreAsync(ArtifactCache? cache, IReadOnlyList<RouteBuild> builds, BuildOptions options, IBuildReporter reporter, TextWriter stderr, CancellationToken cancel)
    {
        var wanted = builds.Where(b => b.State == RouteBuildState.Queued).GroupBy(b => b.InputHash).ToList();
        if (cache is null || wanted.Count == 0)
        {
            return;
        }

        var toolchain = await ToolchainOf(options, cancel);
        var downloads = Path.Combine(options.ResolvedOutDir, ArtifactPaths.StagingFolder, DownloadFolder);
        Directory.CreateDirectory(downloads);
        var unreachable = 0;
        using var slots = new SemaphoreSlim(ParallelTransfers);
        await Task.WhenAll(wanted.Select(async group =>
        {
            await slots.WaitAsync(cancel);
            try
            {
                if (Volatile.Read(ref unreachable) != 0)
                {
                    return;
                }

                var file = Path.Combine(downloads, group.Key);
                var (result, problem) = await cache.TryRestoreAsync(group.Key, toolchain, file, cancel);
                if (result == CacheLookup.Corrupt)
                {
                    stderr.WriteLine($"warning LR3102: artifact cache entry {group.Key} in {cache.Store.Location} ({Ids(group)}) is not whole: {problem}; ignored, building instead.");
                }
                else if (result == CacheLookup.Hit)
                {
                    foreach (var build in group)
                    {
                        ArtifactWriter.Write(file, build, withRouteSelector: options.Mode == BuildMode.Single);
                        build.State = RouteBuildState.Built;
                        build.FromCache = true;
                    }
                }
            }
            catch (Exception e) when (IsTransportFailure(e, cancel))
            {
                if (Interlocked.Exchange(ref unreachable, 1) == 0)
                {
                    stderr.WriteLine($"warning LR3103: artifact cache {cache.Store.Location} cannot be read ({e.Message}); building without it.");
                }
            }
            finally
            {
                slots.Release();
            }
        }));

        var restored = builds.Where(b => b.FromCache).ToList();
        if (restored.Count > 0)
        {
            reporter.Info($"restored {restored.Count} route(s) from the artifact cache {cache.Store.Location}: {Ids(restored)}");
        }
    }

    /// <summary>The SDK and ILCompiler of the binaries' framework (<see cref="DotnetToolchain"/>): part of every entry's name.</summary>
    public static async Task<string> ToolchainOf(BuildOptions options, CancellationToken cancel) =>
        (options.Toolchain ?? await DotnetToolchain.DetectAsync(options.AppDir, cancel)).Describe(options.Framework);

    private static string Ids(IEnumerable<RouteBuild> builds) => string.Join(", ", builds.Select(b => b.Route.Id));

    /// <summary>A cache that is down, full, forbidden or slow; never a cancellation of the build itself.</summary>
    public static bool IsTransportFailure(Exception e, CancellationToken cancel) => e switch
    {
        OperationCanceledException => !cancel.IsCancellationRequested,
        IOException or UnauthorizedAccessException or HttpRequestException or AmazonClientException or AmazonServiceException => true,
        _ => false,
    };
}
