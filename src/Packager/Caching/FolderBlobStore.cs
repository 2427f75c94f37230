namespace LambdaRoutes.Packager.Caching;

/// <summary>
/// A cache folder on this machine (by default under the user's cache directory, <see cref="CacheSetting"/>). Writes go to a
/// temporary file beside the object and are renamed over it, so a reader never sees half an object, even from another build
/// writing the same key at the same time. A download refreshes the object's modification time: the folder grows until
/// <c>lambda-routes cache prune</c> (<see cref="CachePruner"/>) removes the entries used least recently.
/// </summary>
internal sealed class FolderBlobStore(string root) : IBlobStore
{
    public string Location { get; } = Path.GetFullPath(root);

    public Task<bool> TryDownloadAsync(string key, string destination, CancellationToken cancel)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Copy(path, destination, overwrite: true);
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow); // read-only caches are fine: the time only orders pruning
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return Task.FromResult(true);
    }

    public Task UploadAsync(string key, string source, CancellationToken cancel)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.Copy(source, temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return Task.CompletedTask;
    }

    private string PathOf(string key) => Path.Combine(Location, key.Replace('/', Path.DirectorySeparatorChar));
}
