namespace LambdaRoutes.Packager.Packaging;

/// <summary>Per-route mode: publishes one route's own entry project and writes its artifacts.</summary>
internal static class RoutePublisher
{
    public static async Task PublishAsync(RouteBuild build, IBuildSteps steps, CancellationToken cancel)
    {
        var outcome = await steps.PublishAsync(build.Entry, cancel);
        Apply(outcome, build, withRouteSelector: false);
    }

    /// <summary>Records a publish outcome on a route and, when it succeeded, writes the route's artifacts.</summary>
    public static void Apply(PublishOutcome outcome, RouteBuild build, bool withRouteSelector)
    {
        build.AotWarnings = outcome.AotWarnings;
        build.Elapsed = outcome.Elapsed;
        if (outcome.Bootstrap is not { } bootstrap)
        {
            build.Errors = [.. outcome.Errors, .. outcome.Warnings];
            build.State = RouteBuildState.Failed;
            return;
        }

        ArtifactWriter.Write(bootstrap, build, withRouteSelector);
        build.Errors = outcome.Warnings;
        build.State = RouteBuildState.Built;
    }
}
