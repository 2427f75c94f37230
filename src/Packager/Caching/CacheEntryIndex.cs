using System.Text.Json.Serialization;

namespace LambdaRoutes.Packager.Caching;

/// <summary>
/// The index object of one cache entry (<c>&lt;inputHash&gt;/entry.json</c>), written after the blob it describes: the entry
/// exists once its index does, and the index carries the blob's SHA-256 and length so a reader can tell a whole blob from a
/// partial or altered one.
/// </summary>
internal sealed record CacheEntryIndex(int Format, string InputHash, string BootstrapSha256, long BootstrapBytes)
{
    public const int CurrentFormat = 1;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(CacheEntryIndex))]
internal sealed partial class CacheJson : JsonSerializerContext;
