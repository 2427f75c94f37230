using LambdaRoutes.Cdk.Manifest;

namespace LambdaRoutes.Cdk.Planning;

/// <summary>The API Gateway methods a route is wired for.</summary>
internal static class WiredMethods
{
    /// <summary>
    /// <see cref="RouteMethods.Any"/>: <c>ANY</c>, so the runtime answers every method (405 with <c>Allow</c>
    /// included). <see cref="RouteMethods.Exported"/>: the route's verbs plus what the runtime answers on
    /// their behalf (docs/routes.md): HEAD when GET is exported, and OPTIONS unless API Gateway answers
    /// preflight requests itself because CORS is on.
    /// </summary>
    public static IReadOnlyList<string> For(ManifestRoute route, RouteMethods mode, bool corsEnabled)
    {
        if (mode == RouteMethods.Any || route.Methods.Contains("ANY"))
        {
            return ["ANY"];
        }

        var methods = new SortedSet<string>(route.Methods, StringComparer.Ordinal);
        if (methods.Contains("GET"))
        {
            methods.Add("HEAD");
        }

        if (!corsEnabled)
        {
            methods.Add("OPTIONS");
        }

        return methods.ToArray();
    }
}
