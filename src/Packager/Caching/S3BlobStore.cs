using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace LambdaRoutes.Packager.Caching;

/// <summary>
/// A cache under <c>s3://bucket/prefix</c>, shared by CI runners and teammates. Credentials, region and endpoint come from
/// the AWS SDK's standard chain (environment, shared config files, instance or task role; <c>AWS_ENDPOINT_URL_S3</c> or
/// <c>AWS_ENDPOINT_URL</c> for an S3-compatible service). S3 replaces an object whole on PUT
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html#ConsistencyModel), which is the atomic write the cache needs.
/// </summary>
internal sealed class S3BlobStore(IAmazonS3 client, string bucket, string prefix) : IBlobStore, IDisposable
{
    public string Location => $"s3://{bucket}/{prefix}";

    /// <summary>
    /// A client from the SDK's standard chain. An endpoint set in <c>AWS_ENDPOINT_URL_S3</c> or <c>AWS_ENDPOINT_URL</c>
    /// (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html) is an S3-compatible service or a local
    /// stand-in: it is addressed path-style (<c>http://host/bucket/key</c>), which those serve without wildcard DNS.
    /// </summary>
    public static AmazonS3Client CreateClient()
    {
        var endpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") is { Length: > 0 } s3
            ? s3
            : Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
        return string.IsNullOrWhiteSpace(endpoint)
            ? new AmazonS3Client()
            : new AmazonS3Client(new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true });
    }

    /// <summary>Parses <c>s3://bucket[/prefix]</c>; null when <paramref name="address"/> is not of that form.</summary>
    public static (string Bucket, string Prefix)? Parse(string address)
    {
        if (!address.StartsWith("s3://", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = address["s3://".Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
        return bucket.Length == 0 ? null : (bucket, prefix.Length == 0 ? "" : prefix + "/");
    }

    public async Task<bool> TryDownloadAsync(string key, string destination, CancellationToken cancel)
    {
        try
        {
            using var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = prefix + key }, cancel);
            await response.WriteResponseStreamToFileAsync(destination, append: false, cancel);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket") // a missing bucket is an error, not a miss
        {
            return false;
        }
    }

    public Task UploadAsync(string key, string source, CancellationToken cancel) =>
        client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = prefix + key, FilePath = source }, cancel);

    public void Dispose() => client.Dispose();
}
