namespace LambdaRoutes.Packager.Packaging;

/// <summary>Turns a publish outcome into a route's state and artifacts.</summary>
internal static class RoutePublisher
{
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
