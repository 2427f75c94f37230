using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// The locks that keep concurrent packager runs from racing, each an exclusive <see cref="FileStream"/> — an flock on Unix,
/// released by the OS when the process dies, so a killed build never leaves a lock that blocks the next one:
///   - the app lock, <c>&lt;app&gt;/obj/lambda-routes/build.lock</c>, held by <c>build</c> from planning through the commit
///     of the manifest: two builds of one app take turns, and the second plans against what the first committed;
///   - one compile lock per project the app compile writes to — the app's and every project it references (this repository's
///     runtime), <c>&lt;project&gt;/obj/lambda-routes.lock</c> — held only while restoring and compiling, since that is the only
///     step that writes the shared projects' obj/ and bin/ folders. Builds of different apps therefore wait for each other
///     only while one of them compiles; their AOT publishes, which only read the shared outputs, run side by side.
/// Several locks are taken all at once or not at all (a busy one releases the others before waiting), so two runs that
/// need overlapping sets can never hold one each and wait forever.
/// </summary>
internal sealed class BuildLock : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    private readonly IReadOnlyList<FileStream> _streams;

    private BuildLock(IReadOnlyList<FileStream> streams) => _streams = streams;

    public static string AppLockPath(string appDir) => Path.Combine(Path.GetFullPath(appDir), EntryProject.EntryRoot, "build.lock");

    public static string ProjectLockPath(string projectDir) => Path.Combine(Path.GetFullPath(projectDir), "obj", "lambda-routes.lock");

    /// <summary>The projects an app compile writes to: the app's own and, transitively, every project it references.</summary>
    public static IReadOnlyList<string> CompiledProjectDirs(RouteTable table) =>
        [.. InputHasher.ReferencedProjectDirs(table).Append(Path.GetFullPath(table.AppDir)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Waits until no other build of this app runs; <paramref name="onWait"/> hears once that it waits.</summary>
    public static Task<BuildLock> ForAppAsync(string appDir, Action<string> onWait, CancellationToken cancel) =>
        AcquireAsync([AppLockPath(appDir)], path => $"waiting for another lambda-routes build of this app to finish ({path})", onWait, cancel);

    /// <summary>Waits until no other run restores or compiles any project the app compile writes to.</summary>
    public static Task<BuildLock> ForCompileAsync(RouteTable table, Action<string> onWait, CancellationToken cancel) =>
        AcquireAsync([.. CompiledProjectDirs(table).Select(ProjectLockPath)],
            path => $"waiting for another lambda-routes build to finish compiling {Path.GetDirectoryName(Path.GetDirectoryName(path))} ({path})", onWait, cancel);

    private static async Task<BuildLock> AcquireAsync(IReadOnlyList<string> paths, Func<string, string> waitMessage, Action<string> onWait, CancellationToken cancel)
    {
        var waited = false;
        while (true)
        {
            var (held, busy) = TryAcquireAll(paths);
            if (held is not null)
            {
                return held;
            }

            if (!waited)
            {
                onWait(waitMessage(busy!));
                waited = true;
            }

            await Task.Delay(RetryDelay, cancel);
        }
    }

    /// <summary>Every lock, or none and the path of the first one another process holds.</summary>
    private static (BuildLock? Held, string? Busy) TryAcquireAll(IReadOnlyList<string> paths)
    {
        var streams = new List<FileStream>();
        foreach (var path in paths)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                streams.ForEach(s => s.Dispose());
                throw new BuildLockException(path, ex);
            }

            try
            {
                streams.Add(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                streams.ForEach(s => s.Dispose()); // held by another process (the lock is not ours to wait on while holding others)
                return (null, path);
            }
            catch (UnauthorizedAccessException ex)
            {
                streams.ForEach(s => s.Dispose());
                throw new BuildLockException(path, ex);
            }
        }

        return (new BuildLock(streams), null);
    }

    public void Dispose()
    {
        foreach (var stream in _streams)
        {
            stream.Dispose();
        }
    }
}

/// <summary>A lock file that cannot be created: its folder is not writable, or a file stands where the folder should be.</summary>
internal sealed class BuildLockException(string path, Exception inner)
    : IOException($"cannot create the build lock file {path}: {inner.Message}", inner);
