using LambdaRoutes.Packager.Packaging;

namespace LambdaRoutes.Packager.Output;

/// <summary>How a build shows its progress: live on a terminal, plain lines in CI.</summary>
internal interface IBuildReporter
{
    void Info(string line);

    /// <summary>Runs the publishes while showing per-route state; a plain reporter just runs them.</summary>
    Task ShowWhileAsync(IReadOnlyList<RouteBuild> builds, Func<Task> work);

    void RouteStarted(RouteBuild build);

    void RouteFinished(RouteBuild build);

    void Summary(IReadOnlyList<RouteBuild> builds, TimeSpan total);
}
