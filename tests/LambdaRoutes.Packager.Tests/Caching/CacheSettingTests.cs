using LambdaRoutes.Packager.Caching;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Caching;

/// <summary>Which cache a CLI build gets: <c>--no-cache</c>, <c>--cache</c>, <c>LAMBDA_ROUTES_CACHE</c>, the user's cache folder.</summary>
public sealed class CacheSettingTests
{
    [Fact]
    public void No_cache_wins_then_the_option_then_the_environment_which_these_tests_set_to_off()
    {
        var stderr = new StringWriter();
        Assert.Null(CacheSetting.Resolve("/tmp/somewhere", noCache: true, stderr));
        Assert.Equal("/tmp/somewhere", CacheSetting.Resolve("/tmp/somewhere", noCache: false, stderr)?.Store.Location);
        Assert.Null(CacheSetting.Resolve(null, noCache: false, stderr)); // NoUserCache set LAMBDA_ROUTES_CACHE=off
        Assert.Null(CacheSetting.Resolve("off", noCache: false, stderr));
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public void The_default_folder_is_under_the_user_cache_directory()
    {
        var expected = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? Path.Combine(xdg, "lambda-routes")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "lambda-routes");
        Assert.Equal(expected, CacheSetting.DefaultFolder());
    }

    [Theory]
    [InlineData("s3://bucket", "bucket", "")]
    [InlineData("s3://bucket/", "bucket", "")]
    [InlineData("s3://bucket/team/app/", "bucket", "team/app/")]
    [InlineData("s3://bucket/team", "bucket", "team/")]
    public void S3_addresses_name_a_bucket_and_a_prefix(string address, string bucket, string prefix) =>
        Assert.Equal((bucket, prefix), S3BlobStore.Parse(address));

    [Fact]
    public void An_s3_address_without_a_bucket_is_a_warning_and_no_cache()
    {
        var stderr = new StringWriter();
        Assert.Null(CacheSetting.Resolve("s3://", noCache: false, stderr));
        Assert.Equal("warning LR3103: artifact cache 's3://' is not s3://bucket[/prefix]; building without a cache.", stderr.ToString().TrimEnd());
    }

    [Fact]
    public async Task The_build_command_takes_the_cache_options()
    {
        using var app = new TempApp().Routes("api/a.cs");
        var result = await CliRun.RunAsync("build", app.Dir, "--no-cache", "--cache", "x", "--shard", "0/2");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--shard must be i/n with 1 <= i <= n (e.g. 2/4 for the second of four shares); got '0/2'.", result.Stderr);
    }
}
