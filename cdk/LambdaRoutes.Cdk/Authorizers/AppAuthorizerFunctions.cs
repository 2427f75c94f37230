using Amazon.CDK.AWS.Lambda;
using Constructs;
using LambdaRoutes.Cdk.Manifest;
using LambdaRoutes.Cdk.Wiring;

namespace LambdaRoutes.Cdk.Authorizers;

/// <summary>
/// The functions of the app's own Lambda authorizers (<c>authorizers/&lt;name&gt;.cs</c>, built by the packager like a
/// route): one per declared <see cref="LambdaRequestAuthorizer"/> or <see cref="LambdaTokenAuthorizer"/> without a
/// <c>Handler</c> whose key names such a file. Each is a <see cref="RouteFunction"/> (own role and log group), with the
/// app-wide environment; API Gateway is allowed to call it by the wiring, per authorizer.
/// </summary>
internal static class AppAuthorizerFunctions
{
    /// <summary>Whether <paramref name="authorizer"/> runs the app's own file of its name.</summary>
    public static bool FromApp(RouteAuthorizer authorizer) =>
        authorizer is LambdaRequestAuthorizer { Handler: null } or LambdaTokenAuthorizer { Handler: null };

    /// <summary>The functions, keyed by authorizer name.</summary>
    public static IReadOnlyDictionary<string, RouteFunction> Create(Construct scope, RouteManifest manifest, LambdaRoutesApiProps props, RouteFunctionDefaults defaults)
    {
        var result = new Dictionary<string, RouteFunction>(StringComparer.Ordinal);
        var wanted = (props.Authorizers ?? new Dictionary<string, RouteAuthorizer>()).Where(a => FromApp(a.Value)).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var files = manifest.Authorizers.Where(a => wanted.Contains(a.Route)).ToList();
        if (files.Count == 0) return result;
        var container = new Construct(scope, "Authorizers");
        var environment = defaults.Environment ?? new Dictionary<string, string>();
        foreach (var file in files)
            result[file.Route] = new RouteFunction(container, file, defaults, environment, new RouteDeploymentSettings());
        return result;
    }
}
