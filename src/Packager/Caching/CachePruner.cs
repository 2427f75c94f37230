namespace LambdaRoutes.Packager.Caching;

/// <summary>What <see cref="CachePruner.Prune"/> did.</summary>
internal sealed record PruneResult(int RemovedEntries, long RemovedBytes, int KeptEntries, long KeptBytes);

/// <summary>
/// Eviction for a folder cache (<c>lambda-routes cache prune</c>, docs/packager.md): first every entry not used for longer than
/// <c>--older-than</c>, then, least recently used first, entries until the folder holds at most <c>--max-size</c>. An entry's
/// last use is the newest modification time of its objects (a store or a download sets it, <see cref="FolderBlobStore"/>).
/// The index goes first, so a build reading the entry meanwhile sees no entry rather than half of one; what the cache did not
/// write (a folder whose name is not an entry name) is left alone.
/// </summary>
internal static class CachePruner
{
    public static PruneResult Prune(string root, long? maxBytes, TimeSpan? olderThan, DateTime nowUtc)
    {
        var entries = Directory.Exists(root)
            ? Directory.GetDirectories(root).Where(d => IsEntryName(Path.GetFileName(d))).Select(Measure).OrderBy(e => e.LastUsed).ToList()
            : [];
        var kept = entries.Sum(e => e.Bytes);
        var (removed, removedBytes) = (0, 0L);
        foreach (var entry in entries)
        {
            var tooOld = olderThan is { } age && nowUtc - entry.LastUsed > age;
            if (!tooOld && (maxBytes is not { } max || kept <= max))
            {
                continue;
            }

            Remove(entry.Dir);
            kept -= entry.Bytes;
            removed++;
            removedBytes += entry.Bytes;
        }

        return new PruneResult(removed, removedBytes, entries.Count - removed, kept);
    }

    /// <summary>Entry folders are SHA-256 names (<see cref="ArtifactCache.EntryName"/>); anything else is not ours to delete.</summary>
    private static bool IsEntryName(string name) => name.Length == 64 && name.All(char.IsAsciiHexDigitLower);

    private static (string Dir, long Bytes, DateTime LastUsed) Measure(string dir)
    {
        var files = new DirectoryInfo(dir).GetFiles();
        return (dir, files.Sum(f => f.Length), files.Length == 0 ? DateTime.MinValue : files.Max(f => f.LastWriteTimeUtc));
    }

    private static void Remove(string dir)
    {
        var index = Path.Combine(dir, ArtifactCache.IndexObject);
        File.Delete(index);
        foreach (var file in Directory.GetFiles(dir))
        {
            File.Delete(file);
        }

        try
        {
            Directory.Delete(dir);
        }
        catch (IOException)
        {
            // A build stored into this entry meanwhile: its objects stay, it is a fresh entry now.
        }
    }
}
