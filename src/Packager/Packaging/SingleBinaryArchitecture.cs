using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// <c>--mode single</c> links one binary that every route's Lambda runs, and a binary has one architecture: an app whose
/// routes declare different ones (<c>[RouteConfig(Architecture = ...)]</c>) is refused before anything is built, rather than
/// shipping some routes a bootstrap their function cannot execute.
/// </summary>
internal static class SingleBinaryArchitecture
{
    /// <summary>The error line for a mixed app in single-binary mode, or null when the build can go ahead.</summary>
    public static string? Problem(RouteTable table, BuildOptions options)
    {
        if (options.Mode != BuildMode.Single)
        {
            return null;
        }

        var groups = table.Routes.GroupBy(route => options.For(route).Architecture).OrderBy(g => g.Key).ToList();
        if (groups.Count < 2)
        {
            return null;
        }

        var mix = string.Join("; ", groups.Select(g => $"{BuildOptions.NameOf(g.Key)}: {string.Join(", ", g.Select(r => r.File))}"));
        return $"error LR3006: --mode single builds one binary for all routes, but they need different architectures ({mix}). " +
               "Build one binary per route (the default --mode per-route), or give every route the same architecture.";
    }
}
