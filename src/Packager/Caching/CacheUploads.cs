using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Packaging;

namespace LambdaRoutes.Packager.Caching;

/// <summary>
/// Stores each route's bootstrap in the artifact cache as soon as the route is built (<see cref="BuildPipeline"/>), while the
/// other routes still publish: a build that fails or is cancelled later has still shared what it finished. The bootstrap is
/// read from the staging folder, so the pipeline waits for every upload (<see cref="CompleteAsync"/>) before it moves or clears
/// staged artifacts. One upload per input hash (in <c>--mode single</c> every route has the same), a few at a time; the first
/// failure to reach the cache is a warning and no more uploads are tried.
/// </summary>
internal sealed class CacheUploads(ArtifactCache? cache, BuildOptions options, IBuildReporter reporter, TextWriter stderr, CancellationToken cancel)
{
    private readonly SemaphoreSlim _slots = new(CachedRoutes.ParallelTransfers);
    private readonly List<Task> _uploads = [];
    private readonly HashSet<string> _hashes = new(StringComparer.Ordinal);
    private Task<string>? _toolchain;
    private int _routes;
    private int _unreachable;

    /// <summary>Starts storing a route this build compiled (routes that came from a cache or an earlier build are not passed).</summary>
    public void Add(RouteBuild build)
    {
        if (cache is null || build.State != RouteBuildState.Built)
        {
            return;
        }

        lock (_uploads)
        {
            _routes++;
            if (_hashes.Add(build.InputHash))
            {
                _toolchain ??= CachedRoutes.ToolchainOf(options, cancel);
                _uploads.Add(UploadAsync(build.InputHash, build.Staged.Bootstrap, _toolchain));
            }
        }
    }

    /// <summary>
    /// Waits for every upload started, also when the build failed or was cancelled (nothing may read the staging folder once
    /// the build has returned), and says what was stored. Cancelled uploads are no error: the build's cancellation surfaces elsewhere.
    /// </summary>
    public async Task CompleteAsync()
    {
        Task[] uploads;
        lock (_uploads)
        {
            uploads = [.. _uploads];
        }

        try
        {
            await Task.WhenAll(uploads);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return;
        }

        if (cache is not null && uploads.Length > 0 && Volatile.Read(ref _unreachable) == 0)
        {
            reporter.Info($"stored {_routes} route(s) in the artifact cache {cache.Store.Location}");
        }
    }

    private async Task UploadAsync(string inputHash, string bootstrap, Task<string> toolchain)
    {
        await _slots.WaitAsync(cancel);
        try
        {
            if (Volatile.Read(ref _unreachable) == 0)
            {
                await cache!.StoreAsync(inputHash, await toolchain, bootstrap, cancel);
            }
        }
        catch (Exception e) when (CachedRoutes.IsTransportFailure(e, cancel))
        {
            if (Interlocked.Exchange(ref _unreachable, 1) == 0)
            {
                stderr.WriteLine($"warning LR3103: artifact cache {cache!.Store.Location} cannot be written ({e.Message}); the build goes on without it.");
            }
        }
        finally
        {
            _slots.Release();
        }
    }
}
