using Amazon.Runtime;

namespace LambdaRoutes.Packager.Caching;

/// <summary>
/// Which artifact cache a <c>build</c> uses (docs/packager.md): <c>--no-cache</c> none; else <c>--cache</c>, else the
/// <c>LAMBDA_ROUTES_CACHE</c> environment variable (how a build started by the CDK construct is pointed at a shared cache), else a
/// folder under the user's cache directory. A value is a folder, <c>s3://bucket/prefix</c>, or <c>off</c>.
/// </summary>
internal static class CacheSetting
{
    public const string EnvironmentVariable = "LAMBDA_ROUTES_CACHE";
    public const string Off = "off";

    /// <summary>The cache, or null for none; an S3 cache whose client cannot be made (no region configured) is a warning and no cache.</summary>
    public static ArtifactCache? Resolve(string? option, bool noCache, TextWriter stderr)
    {
        var value = noCache ? Off : option ?? NonEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable)) ?? DefaultFolder();
        if (value == Off)
        {
            return null;
        }

        if (!value.StartsWith("s3://", StringComparison.Ordinal))
        {
            return new ArtifactCache(new FolderBlobStore(value));
        }

        if (S3BlobStore.Parse(value) is not var (bucket, prefix))
        {
            stderr.WriteLine($"warning LR3103: artifact cache '{value}' is not s3://bucket[/prefix]; building without a cache.");
            return null;
        }

        try
        {
            return new ArtifactCache(new S3BlobStore(S3BlobStore.CreateClient(), bucket, prefix));
        }
        catch (AmazonClientException e)
        {
            stderr.WriteLine($"warning LR3103: artifact cache {value} cannot be used ({e.Message}); building without a cache.");
            return null;
        }
    }

    /// <summary><c>$XDG_CACHE_HOME/lambda-routes</c>, else <c>~/.cache/lambda-routes</c> (the XDG base directory default).</summary>
    public static string DefaultFolder() =>
        Path.Combine(NonEmpty(Environment.GetEnvironmentVariable("XDG_CACHE_HOME"))
                     ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "lambda-routes");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
