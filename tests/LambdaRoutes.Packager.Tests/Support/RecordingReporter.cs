using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Packaging;

namespace LambdaRoutes.Packager.Tests.Support;

/// <summary>A build reporter that keeps the info lines, signals when the build says it waits for a lock, and can run an action when a route finishes.</summary>
internal sealed class RecordingReporter : IBuildReporter
{
    private readonly List<string> _lines = [];

    /// <summary>Completed with the first "waiting for …" line.</summary>
    public TaskCompletionSource<string> Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Action<RouteBuild>? OnRouteFinished { get; init; }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Info(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }

        if (line.StartsWith("waiting for ", StringComparison.Ordinal))
        {
            Waiting.TrySetResult(line);
        }
    }

    public Task ShowWhileAsync(IReadOnlyList<RouteBuild> builds, Func<Task> work) => work();

    public void RouteStarted(RouteBuild build) { }

    public void RouteFinished(RouteBuild build) => OnRouteFinished?.Invoke(build);

    public void Summary(IReadOnlyList<RouteBuild> builds, TimeSpan total) { }
}
