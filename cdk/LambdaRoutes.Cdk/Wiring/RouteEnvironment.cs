using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Manifest;
using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Cdk.Wiring;

/// <summary>Merges app-wide and per-route environment variables; per-route values win.</summary>
internal static class RouteEnvironment
{
    /// <summary>The environment of every route, keyed by route id.</summary>
    /// <exception cref="LambdaRoutesException">A per-route entry names no route of the manifest.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Resolve(RouteManifest manifest, LambdaRoutesApiProps props)
    {
        var appWide = props.FunctionDefaults?.Environment ?? new Dictionary<string, string>();
        var perRoute = props.RouteEnvironment ?? new Dictionary<string, IReadOnlyDictionary<string, string>>();

        var unknown = perRoute.Keys
            .Where(key => !manifest.Routes.Any(r => r.Route == key || r.Id == key))
            .Select(key => ConstructDiagnostics.UnknownRoute("RouteEnvironment", key, manifest.Routes.Select(r => r.Route)))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new LambdaRoutesException("LambdaRoutesApiProps.RouteEnvironment", unknown);
        }

        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var route in manifest.Routes)
        {
            var merged = new Dictionary<string, string>(appWide, StringComparer.Ordinal);
            foreach (var (key, values) in perRoute)
            {
                if (key != route.Route && key != route.Id) continue;
                foreach (var (name, value) in values) merged[name] = value;
            }

            result[route.Id] = merged;
        }

        return result;
    }
}
