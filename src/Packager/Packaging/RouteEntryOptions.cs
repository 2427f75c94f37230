using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// A route's <see cref="RouteOptions"/> from the settings the packager read from its source: what the generated entry
/// point passes to <c>LambdaHost.RunAsync</c> (rendered by <see cref="EntryProjectWriter"/>) and what the dev server runs
/// the route with, both through the runtime's one factory, <see cref="RouteOptions.For"/>.
/// </summary>
internal static class RouteEntryOptions
{
    public static RouteOptions For(RouteEntry route) => RouteOptions.For(route.Route, new RouteConfigAttribute
    {
        BodySizeLimit = route.Settings.BodySizeLimit,
        BodyParser = route.Settings.BodyParser,
        Streaming = route.Settings.Streaming,
        Cors = route.Settings.Cors,
    });
}
