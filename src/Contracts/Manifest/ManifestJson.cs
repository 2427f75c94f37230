using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaRoutes.Contracts.Manifest;

/// <summary>
/// Source-generated JSON for <see cref="ManifestDocument"/> and for the <see cref="ManifestRoute"/> list <c>routes --json</c>
/// prints (no reflection: the records cross into AOT code).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ManifestDocument))]
[JsonSerializable(typeof(IReadOnlyList<ManifestRoute>))]
internal sealed partial class ManifestJson : JsonSerializerContext
{
    /// <summary>How the packager writes it (<see cref="ReadableOptions"/>).</summary>
    public static ManifestJson Readable { get; } = new(ReadableOptions());

    /// <summary>
    /// How the packager writes the JSON people read too (the manifest, <c>shard.json</c>, <c>routes --json</c>): camelCase,
    /// indented, '+' and other URL characters as they are (<c>{proxy+}</c>, not <c>{proxy\u002B}</c>). New options each
    /// call, as each source-generated context binds its own.
    /// </summary>
    public static JsonSerializerOptions ReadableOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>How the construct reads it: forgiving of case, comments and trailing commas, as a hand-edited file may have.</summary>
    public static ManifestJson Lenient { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    });
}
