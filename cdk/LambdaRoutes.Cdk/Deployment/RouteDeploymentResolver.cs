using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Manifest;
using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Cdk.Deployment;

/// <summary>
/// Merges <see cref="DeploymentOptions.RouteDefaults"/>, the concurrency a route file declares and the per-route
/// settings, and checks everything Lambda or API Gateway would reject only at deploy time, so synth reports all of it
/// at once.
/// </summary>
internal static class RouteDeploymentResolver
{
    /// <summary>The settings of every route, keyed by route id.</summary>
    /// <exception cref="LambdaRoutesException">A setting names no route, has an impossible value or does not exist for <paramref name="kind"/>.</exception>
    public static IReadOnlyDictionary<string, RouteDeploymentSettings> Resolve(RouteManifest manifest, ApiKind kind, DeploymentOptions? options)
    {
        var defaults = options?.RouteDefaults ?? new RouteDeploymentSettings();
        var perRoute = options?.Routes ?? new Dictionary<string, RouteDeploymentSettings>();
        var diagnostics = perRoute.Keys
            .Where(key => !manifest.Routes.Any(r => r.Route == key || r.Id == key))
            .Select(key => ConstructDiagnostics.UnknownRoute("Deployment.Routes", key, manifest.Routes.Select(r => r.Route)))
            .ToList();

        if (kind == ApiKind.Http)
        {
            if (options?.UsagePlans is { Count: > 0 })
                diagnostics.Add(ConstructDiagnostics.HttpApiUsagePlans());
            if (options?.WebAclArn is not null)
                diagnostics.Add(ConstructDiagnostics.HttpApiWebAcl());
        }

        var result = new Dictionary<string, RouteDeploymentSettings>(StringComparer.Ordinal);
        foreach (var route in manifest.Routes)
        {
            // As memory and timeout: the props' defaults, then the route file's [RouteConfig], then the props' per-route entry.
            var declared = new RouteDeploymentSettings { ReservedConcurrency = route.ReservedConcurrency, ProvisionedConcurrency = route.ProvisionedConcurrency };
            var merged = perRoute
                .Where(entry => entry.Key == route.Route || entry.Key == route.Id)
                .Select(entry => entry.Value)
                .Aggregate(Merge(defaults, declared), Merge);
            Check(merged, kind, problem => diagnostics.Add(problem.About(route.File, route.Route)));
            result[route.Id] = merged;
        }

        if (diagnostics.Count > 0)
        {
            throw new LambdaRoutesException("LambdaRoutesApiProps.Deployment", diagnostics);
        }

        return result;
    }

    private static RouteDeploymentSettings Merge(RouteDeploymentSettings under, RouteDeploymentSettings over) => new()
    {
        Tracing = over.Tracing ?? under.Tracing,
        ReservedConcurrency = over.ReservedConcurrency ?? under.ReservedConcurrency,
        ProvisionedConcurrency = over.ProvisionedConcurrency ?? under.ProvisionedConcurrency,
        JsonLogs = over.JsonLogs ?? under.JsonLogs,
        ApplicationLogLevel = over.ApplicationLogLevel ?? under.ApplicationLogLevel,
        SystemLogLevel = over.SystemLogLevel ?? under.SystemLogLevel,
        Throttle = over.Throttle ?? under.Throttle,
        ApiKeyRequired = over.ApiKeyRequired ?? under.ApiKeyRequired,
        Secrets = Union(under.Secrets, over.Secrets),
        Parameters = Union(under.Parameters, over.Parameters),
    };

    private static IReadOnlyDictionary<string, T>? Union<T>(IReadOnlyDictionary<string, T>? under, IReadOnlyDictionary<string, T>? over)
    {
        if (under is null || over is null) return over ?? under;
        var union = new Dictionary<string, T>(under, StringComparer.Ordinal);
        foreach (var (name, value) in over) union[name] = value;
        return union;
    }

    // Limits from https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html and
    // https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html (provisioned may not exceed reserved).
    private static void Check(RouteDeploymentSettings settings, ApiKind kind, Action<Diagnostic> report)
    {
        if (settings.ReservedConcurrency is < 0)
            report(ConstructDiagnostics.NegativeReservedConcurrency(settings.ReservedConcurrency.Value));
        if (settings.ProvisionedConcurrency is < 1)
            report(ConstructDiagnostics.ProvisionedConcurrencyBelowOne(settings.ProvisionedConcurrency.Value));
        if (settings is { ProvisionedConcurrency: >= 1 and var provisioned, ReservedConcurrency: >= 0 and var reserved } && provisioned > reserved)
            report(ConstructDiagnostics.ProvisionedAboveReserved(provisioned, reserved));
        if (settings.JsonLogs == false && (settings.ApplicationLogLevel is not null || settings.SystemLogLevel is not null))
            report(ConstructDiagnostics.LogLevelWithoutJsonLogs());
        if (kind == ApiKind.Rest && settings.Throttle is not null)
            report(ConstructDiagnostics.RestApiRouteThrottle());
        if (kind == ApiKind.Http && settings.ApiKeyRequired == true)
            report(ConstructDiagnostics.HttpApiKeyRequired());
    }
}
