using Amazon.S3;
using Amazon.S3.Model;
using LambdaRoutes.Cdk.Tests.Support;
using LambdaRoutes.Packager.Caching;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Caching;

/// <summary>
/// The artifact cache in S3, against moto's S3 on 127.0.0.1 (<see cref="MotoServer"/>), reached the way the CLI reaches AWS:
/// <c>--cache s3://bucket/prefix</c> resolved by <see cref="CacheSetting"/> through the SDK's standard environment variables.
/// A teammate's clean checkout of the same app, in another folder, downloads every route and compiles nothing; an object
/// altered in the bucket is detected, ignored and rebuilt.
/// </summary>
public sealed class S3CacheTests : IClassFixture<S3CacheTests.Bucket>
{
    /// <summary>moto_server, an empty bucket, and this process's AWS environment pointed at them (nothing else here reads it).</summary>
    public sealed class Bucket : IDisposable
    {
        public const string Name = "lambda-routes-cache";

        public Bucket()
        {
            foreach (var (name, value) in Moto.ClientEnvironment)
            {
                Environment.SetEnvironmentVariable(name, value.Length == 0 ? null : value);
            }

            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_S3", Moto.Endpoint);
            using var client = S3BlobStore.CreateClient();
            client.PutBucketAsync(Name).GetAwaiter().GetResult();
        }

        public MotoServer Moto { get; } = new();

        public void Dispose() => Moto.Dispose();
    }

    private const string Prefix = "team/app";

    private static ArtifactCache Resolve()
    {
        var stderr = new StringWriter();
        var cache = CacheSetting.Resolve($"s3://{Bucket.Name}/{Prefix}", noCache: false, stderr);
        Assert.True(cache is { Store: S3BlobStore }, stderr.ToString());
        return cache!;
    }

    private static async Task<(int Exit, StandInBuildSteps Steps, string Stderr, RecordingReporter Reporter)> BuildAsync(string appDir, string outDir)
    {
        var steps = new StandInBuildSteps { Reproducible = true };
        var (stderr, reporter) = (new StringWriter(), new RecordingReporter());
        var exit = await BuildPipeline.RunAsync(new BuildOptions(appDir, outDir, Jobs: 2, Cache: Resolve()), reporter, stderr, steps: steps);
        return (exit, steps, stderr.ToString(), reporter);
    }

    private static TempApp App() => new TempApp().Routes("api/index.cs", "api/users/[id].cs", "api/posts/[...slug].cs").Write("api/_lib/Db.cs", "namespace TestApp; internal static class Db;\n");

    [Fact]
    public async Task A_clean_checkout_elsewhere_downloads_every_route_and_an_altered_object_is_rebuilt_not_used()
    {
        using var mine = App();
        using var teammates = App(); // the same files in another folder: a clean clone on another machine
        var ci = await BuildAsync(mine.Dir, Path.Combine(mine.Dir, "out"));
        Assert.True(ci.Exit == 0, ci.Stderr);
        Assert.Equal((1, 3), (ci.Steps.Compiles, ci.Steps.Publishes));
        Assert.Contains($"stored 3 route(s) in the artifact cache s3://{Bucket.Name}/{Prefix}/", ci.Reporter.Lines);

        var clean = await BuildAsync(teammates.Dir, Path.Combine(teammates.Dir, "out"));

        Assert.True(clean.Exit == 0, clean.Stderr);
        Assert.Equal((0, 0), (clean.Steps.Compiles, clean.Steps.Publishes)); // no compile step ran, no publish
        Assert.Contains(clean.Reporter.Lines, l => l.StartsWith("restored 3 route(s) from the artifact cache s3://", StringComparison.Ordinal));
        OutputFiles.AssertSame(Path.Combine(mine.Dir, "out"), Path.Combine(teammates.Dir, "out"));

        // Someone overwrites one route's bootstrap in the bucket: its index no longer vouches for it.
        var hash = File.ReadAllText(new ArtifactPaths(Path.Combine(mine.Dir, "out"), "ApiUsersId").Stamp);
        var toolchain = (await DotnetToolchain.DetectAsync(mine.Dir, CancellationToken.None)).Describe(BuildOptions.DefaultFramework);
        var entry = ArtifactCache.EntryName(hash, toolchain);
        using (var client = S3BlobStore.CreateClient())
        {
            await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket.Name, Key = $"{Prefix}/{entry}/bootstrap", ContentBody = "#!/bin/sh\necho not what was built\n" });
        }

        var third = Path.Combine(teammates.Dir, "out-after-tampering");
        var rebuilt = await BuildAsync(teammates.Dir, third);

        Assert.True(rebuilt.Exit == 0, rebuilt.Stderr);
        Assert.StartsWith($"warning LR3102: artifact cache entry {hash} in s3://{Bucket.Name}/{Prefix}/ (ApiUsersId) is not whole: its bootstrap has ", rebuilt.Stderr);
        Assert.Equal((1, 1), (rebuilt.Steps.Compiles, rebuilt.Steps.Publishes));
        OutputFiles.AssertSame(Path.Combine(mine.Dir, "out"), third);
    }

    [Fact]
    public async Task A_bucket_that_does_not_exist_is_a_warning_and_the_build_goes_on()
    {
        using var app = App();
        var stderr = new StringWriter();
        var cache = CacheSetting.Resolve("s3://no-such-bucket/x", noCache: false, stderr);
        var steps = new StandInBuildSteps();

        var exit = await BuildPipeline.RunAsync(new BuildOptions(app.Dir, Path.Combine(app.Dir, "out"), Jobs: 2, Cache: cache), new RecordingReporter(), stderr, steps: steps);

        Assert.True(exit == 0, stderr.ToString());
        Assert.Equal(3, steps.Publishes);
        Assert.Contains("warning LR3103: artifact cache s3://no-such-bucket/x/ cannot be read (", stderr.ToString());
        Assert.Contains("warning LR3103: artifact cache s3://no-such-bucket/x/ cannot be written (", stderr.ToString());
    }
}
