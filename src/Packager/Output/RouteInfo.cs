using System.Text.Json.Serialization;
using LambdaRoutes.Contracts.Manifest;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Output;

/// <summary>One element of <c>routes --json</c>: the route fields the manifest also carries.</summary>
internal sealed record RouteInfo(
    string Id,
    string File,
    string Route,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Methods,
    string Style,
    string Handler,
    ManifestSettings Settings)
{
    public static RouteInfo From(RouteEntry e) =>
        new(e.Id, e.File, e.Route, e.Paths, e.Methods, StyleName(e.Style), e.Handler, SettingsOf(e.Settings));

    /// <summary>A route's settings as the manifest and <c>routes --json</c> write them.</summary>
    public static ManifestSettings SettingsOf(RouteSettings s) =>
        new(s.MemorySize, s.Timeout, s.BodySizeLimit, s.BodySizeLimitBytes, s.BodyParser, s.Streaming, s.Cors,
            s.ReservedConcurrency, s.ProvisionedConcurrency, s.Authorizer, s.AuthorizationScopes);

    public static string StyleName(RouteStyle style) => style switch { RouteStyle.Handler => "handler", RouteStyle.Authorizer => "authorizer", _ => "verbs" };
}

/// <summary>Source-generated JSON for <c>routes --json</c>, written like the manifest (whose own is <see cref="ManifestJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<RouteInfo>))]
internal sealed partial class PackagerJson : JsonSerializerContext
{
    /// <summary>Writes '+' and other URL characters as they are (<c>{proxy+}</c>, not <c>{proxy\u002B}</c>): the files are read by people too.</summary>
    public static PackagerJson Readable { get; } = new(ManifestJson.ReadableOptions());
}
