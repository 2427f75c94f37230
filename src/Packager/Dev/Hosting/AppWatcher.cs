using System.Threading.Channels;

namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>
/// Watches the app folder for source changes (.cs, .csproj, .props, .targets) outside bin/, obj/ and dot-folders, and
/// reports them in batches: a burst of saves (an editor writing several files, a git checkout) becomes one rebuild.
/// </summary>
internal sealed class AppWatcher : IDisposable
{
    private static readonly string[] WatchedExtensions = [".cs", ".csproj", ".props", ".targets"];
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private readonly string _appDir;
    private readonly FileSystemWatcher _watcher;
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();

    public AppWatcher(string appDir)
    {
        _appDir = appDir;
        _watcher = new FileSystemWatcher(appDir)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += (_, e) => Offer(e.FullPath);
        _watcher.Created += (_, e) => Offer(e.FullPath);
        _watcher.Deleted += (_, e) => Offer(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Offer(e.OldFullPath);
            Offer(e.FullPath);
        };
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Waits for the next batch of changed files, relative to the app folder, '/'-separated and sorted.</summary>
    public async Task<IReadOnlyList<string>> NextBatchAsync(CancellationToken cancel)
    {
        var batch = new SortedSet<string>(StringComparer.Ordinal) { await _changes.Reader.ReadAsync(cancel) };
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            quiet.CancelAfter(Quiet);
            try
            {
                batch.Add(await _changes.Reader.ReadAsync(quiet.Token));
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return [.. batch];
            }
        }
    }

    public static bool IsSource(string relativePath)
    {
        var parts = relativePath.Split('/');
        if (parts.Any(p => p.StartsWith('.')) || parts[0] is "bin" or "obj")
        {
            return false;
        }

        return WatchedExtensions.Contains(Path.GetExtension(relativePath), StringComparer.OrdinalIgnoreCase);
    }

    private void Offer(string fullPath)
    {
        var relative = Path.GetRelativePath(_appDir, fullPath).Replace('\\', '/');
        if (IsSource(relative))
        {
            _changes.Writer.TryWrite(relative);
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _changes.Writer.TryComplete();
    }
}
