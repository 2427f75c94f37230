using System.Text.Json.Serialization;

namespace LambdaRoutes.Contracts.Manifest;

/// <summary>
/// A route's settings as <c>manifest.json</c> and <c>lambda-routes routes --json</c> carry them. The optional ones are
/// written only when set, so an app that uses none keeps the manifest's exact shape.
/// </summary>
/// <remarks><c>MemorySize</c>: MB; the packager always writes it, a reader treats it missing as the app's default.</remarks>
/// <remarks><c>Timeout</c>: Seconds; as <paramref name="MemorySize"/>.</remarks>
/// <remarks><c>BodySizeLimit</c>: Null (not written) for a verb-style route that declares no limit: it has none of its own.</remarks>
/// <remarks><c>Authorizer</c>: Written only when the route chooses: absent means the app's default authorizer (docs/deploy.md).</remarks>
internal sealed record ManifestSettings(
    int? MemorySize,
    int? Timeout,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BodySizeLimit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? BodySizeLimitBytes,
    bool BodyParser,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Streaming = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cors = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ReservedConcurrency = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ProvisionedConcurrency = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Authorizer = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? AuthorizationScopes = null);
