namespace LambdaRoutes.Packager.Caching;

/// <summary>
/// Where the artifact cache keeps its objects: a folder or an S3 prefix. Keys are '/'-separated relative names made by
/// <see cref="ArtifactCache"/>. A store only moves bytes; what an entry is and whether it is whole is the cache's business.
/// </summary>
internal interface IBlobStore
{
    /// <summary>How the store is named in messages: the folder path or the <c>s3://</c> address.</summary>
    string Location { get; }

    /// <summary>Copies the object to <paramref name="destination"/>; false when there is no such object.</summary>
    Task<bool> TryDownloadAsync(string key, string destination, CancellationToken cancel);

    /// <summary>Writes the object so that a reader sees either nothing, the previous object, or all of it.</summary>
    Task UploadAsync(string key, string source, CancellationToken cancel);
}
