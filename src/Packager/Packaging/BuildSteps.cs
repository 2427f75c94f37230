using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// The two steps of a build that run <c>dotnet</c>: restore and compile the app once, then publish an entry project with
/// Native AOT. They are one seam so that tests can drive the pipeline's locking, staging and commit in seconds, with
/// steps that write stand-in binaries and pause where a test needs a second build to start.
/// </summary>
internal interface IBuildSteps
{
    Task<CompileResult> RestoreAndCompileAsync(RouteTable table, IReadOnlyList<EntryProject> entries, BuildOptions options, CancellationToken cancel);

    Task<PublishOutcome> PublishAsync(EntryProject entry, CancellationToken cancel);

    /// <summary>
    /// Publishes each of several entry projects, at most <paramref name="jobs"/> at a time, saying when each starts and how it
    /// ended. By default one <see cref="PublishAsync"/> each; the real steps publish them all in one MSBuild run instead.
    /// </summary>
    async Task PublishEachAsync(IReadOnlyList<EntryProject> entries, int jobs, Action<EntryProject> started,
        Action<EntryProject, PublishOutcome> finished, CancellationToken cancel)
    {
        using var slots = new SemaphoreSlim(jobs);
        await Task.WhenAll(entries.Select(async entry =>
        {
            await slots.WaitAsync(cancel);
            try
            {
                started(entry);
                finished(entry, await PublishAsync(entry, cancel));
            }
            finally
            {
                slots.Release();
            }
        }));
    }
}

/// <summary>The real steps: <see cref="AppCompiler"/>, <see cref="EntryPublisher"/> and, for several routes, <see cref="BatchPublisher"/>.</summary>
internal sealed class DotnetBuildSteps : IBuildSteps
{
    public static readonly DotnetBuildSteps Instance = new();

    public Task<CompileResult> RestoreAndCompileAsync(RouteTable table, IReadOnlyList<EntryProject> entries, BuildOptions options, CancellationToken cancel) =>
        AppCompiler.RestoreAndCompileAsync(table, entries, options, cancel);

    public Task<PublishOutcome> PublishAsync(EntryProject entry, CancellationToken cancel) => EntryPublisher.PublishAsync(entry, cancel);

    public Task PublishEachAsync(IReadOnlyList<EntryProject> entries, int jobs, Action<EntryProject> started,
        Action<EntryProject, PublishOutcome> finished, CancellationToken cancel) =>
        BatchPublisher.PublishAsync(entries, jobs, started, finished, cancel);
}
