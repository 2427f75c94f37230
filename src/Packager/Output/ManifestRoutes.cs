using LambdaRoutes.Contracts.Manifest;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Output;

/// <summary>A discovered route as the manifest and <c>routes --json</c> write it (<see cref="ManifestRoute"/>).</summary>
internal static class ManifestRoutes
{
    public static ManifestRoute From(RouteEntry e) =>
        new(e.Id, e.File, e.Route, e.Paths, e.Methods, StyleName(e.Style), e.Handler, SettingsOf(e.Settings));

    /// <summary>A route's settings as the manifest and <c>routes --json</c> write them.</summary>
    public static ManifestSettings SettingsOf(RouteSettings s) =>
        new(s.MemorySize, s.Timeout, s.BodySizeLimit, s.BodySizeLimitBytes, s.BodyParser, s.Streaming, s.Cors,
            s.ReservedConcurrency, s.ProvisionedConcurrency, s.Authorizer, s.AuthorizationScopes);

    public static string StyleName(RouteStyle style) => style switch { RouteStyle.Handler => "handler", RouteStyle.Authorizer => "authorizer", _ => "verbs" };
}
