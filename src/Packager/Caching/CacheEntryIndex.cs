using System.Text.Json.Serialization;

namespace LambdaRoutes.Packager.Caching;

/// <summary>
/// The index object of one cache entry (<c>&lt;inputHash&gt;/entry.json</c>), written after the blob it describes: the entry
/// exists once its index does, and the index carries the blob's SHA-256 and length so a reader can tell a whole blob from a
/// partial or altered one, and the inputs and toolchain it was built from.
/// </summary>
internal sealed record CacheEntryIndex(int Format, string InputHash, string Toolchain, string BootstrapSha256, long BootstrapBytes)
{
    /// <summary>2: entries are named by the input hash and the toolchain (<see cref="ArtifactCache.EntryName"/>); 1 named them by the input hash alone.</summary>
    public const int CurrentFormat = 2;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(CacheEntryIndex))]
internal sealed partial class CacheJson : JsonSerializerContext;
