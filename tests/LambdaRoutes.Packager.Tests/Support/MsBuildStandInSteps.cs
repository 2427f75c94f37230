using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Tests.Support;

/// <summary>
/// Build steps whose per-route publishes are the real batch publish (<see cref="BatchPublisher"/>, one <c>dotnet msbuild</c> run)
/// over stand-in entry projects (<see cref="StandInEntryProjects"/>) written over the generated ones: the pipeline sees routes
/// reported while the run goes on, exactly as with AOT publishes, in seconds. The compile always succeeds.
/// </summary>
internal sealed class MsBuildStandInSteps(Func<string, string> publishTargetOf) : IBuildSteps
{
    private readonly List<string> _published = [];

    /// <summary>The routes handed to a publish run, in order.</summary>
    public IReadOnlyList<string> Published
    {
        get
        {
            lock (_published)
            {
                return [.. _published];
            }
        }
    }

    public Task<CompileResult> RestoreAndCompileAsync(RouteTable table, IReadOnlyList<EntryProject> entries, BuildOptions options, CancellationToken cancel) =>
        Task.FromResult(new CompileResult(true, [], TimeSpan.Zero));

    public Task<PublishOutcome> PublishAsync(EntryProject entry, CancellationToken cancel) =>
        throw new NotSupportedException("per-route builds publish through PublishEachAsync");

    public Task PublishEachAsync(IReadOnlyList<EntryProject> entries, int jobs, Action<EntryProject> started,
        Action<EntryProject, PublishOutcome> finished, CancellationToken cancel)
    {
        foreach (var entry in entries)
        {
            File.WriteAllText(entry.ProjectPath, StandInEntryProjects.Text(publishTargetOf(entry.RouteId)));
            lock (_published)
            {
                _published.Add(entry.RouteId);
            }
        }

        return BatchPublisher.PublishAsync(entries, jobs, started, finished, cancel);
    }
}
