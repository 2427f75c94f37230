using System.Text.Json.Serialization;

namespace LambdaRoutes.Cdk.Manifest;

// The raw shape of manifest.json (docs/architecture.md, "manifest.json"). Everything is nullable so that
// a missing field becomes a precise diagnostic from ManifestValidator instead of a serializer exception.

internal sealed class ManifestDocument
{
    [JsonPropertyName("schemaVersion")] public int? SchemaVersion { get; init; }
    [JsonPropertyName("app")] public string? App { get; init; }
    [JsonPropertyName("framework")] public string? Framework { get; init; }
    [JsonPropertyName("architecture")] public string? Architecture { get; init; }
    [JsonPropertyName("runtime")] public string? Runtime { get; init; }
    [JsonPropertyName("routes")] public List<ManifestRouteDocument?>? Routes { get; init; }
}

internal sealed class ManifestRouteDocument
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    // "authorizer" for an authorizers/<name>.cs function (no paths, no methods); absent for a route.
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("file")] public string? File { get; init; }
    [JsonPropertyName("route")] public string? Route { get; init; }
    [JsonPropertyName("paths")] public List<string?>? Paths { get; init; }
    [JsonPropertyName("methods")] public List<string?>? Methods { get; init; }
    [JsonPropertyName("style")] public string? Style { get; init; }
    [JsonPropertyName("handler")] public string? Handler { get; init; }
    [JsonPropertyName("settings")] public ManifestSettingsDocument? Settings { get; init; }
    // Absent in manifests written before routes could declare their own: the top-level one then applies.
    [JsonPropertyName("architecture")] public string? Architecture { get; init; }
    [JsonPropertyName("artifact")] public string? Artifact { get; init; }
}

internal sealed class ManifestSettingsDocument
{
    [JsonPropertyName("memorySize")] public int? MemorySize { get; init; }
    [JsonPropertyName("timeout")] public int? Timeout { get; init; }
    [JsonPropertyName("streaming")] public bool? Streaming { get; init; }
    [JsonPropertyName("reservedConcurrency")] public int? ReservedConcurrency { get; init; }
    [JsonPropertyName("provisionedConcurrency")] public int? ProvisionedConcurrency { get; init; }
    [JsonPropertyName("authorizer")] public string? Authorizer { get; init; }
    [JsonPropertyName("authorizationScopes")] public List<string?>? AuthorizationScopes { get; init; }
}
