using System.Text.Json.Serialization;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Output;

/// <summary>The JSON of route settings (docs/architecture.md manifest schema).</summary>
internal sealed record SettingsInfo(
    int MemorySize, int Timeout,
    // Null (not written) for a verb-style route that declares no limit: it has none of its own.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BodySizeLimit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? BodySizeLimitBytes,
    bool BodyParser,
    // Written only when true, so manifests of non-streaming apps keep their exact shape.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Streaming = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cors = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ReservedConcurrency = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ProvisionedConcurrency = null,
    // Written only when the route chooses: absent means the app's default authorizer (docs/deploy.md).
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Authorizer = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? AuthorizationScopes = null)
{
    public static SettingsInfo From(RouteSettings s) =>
        new(s.MemorySize, s.Timeout, s.BodySizeLimit, s.BodySizeLimitBytes, s.BodyParser, s.Streaming, s.Cors,
            s.ReservedConcurrency, s.ProvisionedConcurrency, s.Authorizer, s.AuthorizationScopes);
}

/// <summary>One element of <c>routes --json</c>: the route fields the manifest also carries.</summary>
internal sealed record RouteInfo(
    string Id,
    string File,
    string Route,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Methods,
    string Style,
    string Handler,
    SettingsInfo Settings)
{
    public static RouteInfo From(RouteEntry e) =>
        new(e.Id, e.File, e.Route, e.Paths, e.Methods, StyleName(e.Style), e.Handler, SettingsInfo.From(e.Settings));

    public static string StyleName(RouteStyle style) => style switch { RouteStyle.Handler => "handler", RouteStyle.Authorizer => "authorizer", _ => "verbs" };
}

/// <summary>Source-generated JSON for everything the packager writes: camelCase, indented, as the contract shows.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<RouteInfo>))]
[JsonSerializable(typeof(Manifest))]
internal sealed partial class PackagerJson : JsonSerializerContext
{
    /// <summary>Writes '+' and other URL characters as they are (<c>{proxy+}</c>, not <c>{proxy\u002B}</c>): the files are read by people too.</summary>
    public static PackagerJson Readable { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
