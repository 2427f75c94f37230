using System.Security.Cryptography;
using System.Text.Json;

namespace LambdaRoutes.Packager.Caching;

/// <summary>What a cache lookup found.</summary>
internal enum CacheLookup
{
    Miss,
    Hit,

    /// <summary>An index whose blob is missing, of another length or another SHA-256: ignored, the route is rebuilt.</summary>
    Corrupt,
}

/// <summary>
/// A content-addressed store of route binaries, keyed by the route's input hash (<see cref="Packaging.InputHasher"/>) and the
/// toolchain that compiles it (<see cref="DotnetToolchain"/>): the same inputs and compiler give the same <c>bootstrap</c>, so
/// whoever built it once spares everyone else the Native AOT publish. An entry is two objects: <c>&lt;entry&gt;/bootstrap</c>,
/// then <c>&lt;entry&gt;/entry.json</c> (<see cref="CacheEntryIndex"/>), written last. The zip and manifest figures are not
/// stored: they are a pure function of the bootstrap (<see cref="Packaging.ZipWriter"/>).
/// </summary>
internal sealed class ArtifactCache(IBlobStore store)
{
    public const string BootstrapObject = "bootstrap";
    public const string IndexObject = "entry.json";

    public IBlobStore Store { get; } = store;

    /// <summary>Copies the entry's bootstrap to <paramref name="destination"/> when the entry is whole; anything else leaves no file there.</summary>
    public async Task<(CacheLookup Result, string? Problem)> TryRestoreAsync(string inputHash, string toolchain, string destination, CancellationToken cancel)
    {
        var indexFile = destination + ".entry.json";
        var entry = EntryName(inputHash, toolchain);
        try
        {
            if (!await Store.TryDownloadAsync(Key(entry, IndexObject), indexFile, cancel))
            {
                return (CacheLookup.Miss, null);
            }

            var index = ReadIndex(indexFile);
            if (index is null || index.Format != CacheEntryIndex.CurrentFormat || index.InputHash != inputHash || index.Toolchain != toolchain)
            {
                return (CacheLookup.Corrupt, "its entry.json is not a lambda-routes cache index for this key");
            }

            if (!await Store.TryDownloadAsync(Key(entry, BootstrapObject), destination, cancel))
            {
                return (CacheLookup.Corrupt, "its bootstrap is missing");
            }

            var (sha256, bytes) = Measure(destination);
            if (bytes != index.BootstrapBytes || sha256 != index.BootstrapSha256)
            {
                File.Delete(destination);
                return (CacheLookup.Corrupt, $"its bootstrap has {bytes} bytes with SHA-256 {sha256}, its index says {index.BootstrapBytes} bytes with {index.BootstrapSha256}");
            }

            return (CacheLookup.Hit, null);
        }
        finally
        {
            File.Delete(indexFile);
        }
    }

    /// <summary>Stores a freshly built bootstrap under its input hash: the blob first, the index last.</summary>
    public async Task StoreAsync(string inputHash, string toolchain, string bootstrap, CancellationToken cancel)
    {
        var entry = EntryName(inputHash, toolchain);
        var (sha256, bytes) = Measure(bootstrap);
        var indexFile = Path.Combine(Path.GetTempPath(), $"lambda-routes-cache-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(indexFile,
                JsonSerializer.Serialize(new CacheEntryIndex(CacheEntryIndex.CurrentFormat, inputHash, toolchain, sha256, bytes), CacheJson.Default.CacheEntryIndex), cancel);
            await Store.UploadAsync(Key(entry, BootstrapObject), bootstrap, cancel);
            await Store.UploadAsync(Key(entry, IndexObject), indexFile, cancel);
        }
        finally
        {
            File.Delete(indexFile);
        }
    }

    /// <summary>
    /// The folder (or S3 prefix) of the entry for these inputs built by this toolchain: a SHA-256 of both, so another SDK or
    /// ILCompiler looks in another place and never finds this binary.
    /// </summary>
    public static string EntryName(string inputHash, string toolchain) =>
        inputHash.Length > 0 && inputHash.All(char.IsAsciiHexDigitLower)
            ? Packaging.InputSet.Sha256($"lambda-routes cache {CacheEntryIndex.CurrentFormat}\n{inputHash}\n{toolchain}")
            : throw new ArgumentException($"not an input hash: '{inputHash}'", nameof(inputHash));

    private static string Key(string entry, string name) => $"{entry}/{name}";

    private static CacheEntryIndex? ReadIndex(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), CacheJson.Default.CacheEntryIndex);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (string Sha256, long Bytes) Measure(string path)
    {
        using var stream = File.OpenRead(path);
        return (Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length);
    }
}
