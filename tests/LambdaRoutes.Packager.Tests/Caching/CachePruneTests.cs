using LambdaRoutes.Packager.Caching;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Caching;

/// <summary>
/// <c>lambda-routes cache prune</c> on a folder cache: entries unused for longer than <c>--older-than</c> go, then the least
/// recently used until <c>--max-size</c> holds; a download counts as a use; what the cache did not write stays.
/// </summary>
public sealed class CachePruneTests : IDisposable
{
    private const string Toolchain = "sdk 10.0.100, ILCompiler 10.0.1";
    private const int BootstrapBytes = 10_000;

    private readonly TempApp _root = new("PruneCache", withProject: false);
    private readonly DateTime _now = DateTime.UtcNow;

    private string CacheDir => Path.Combine(_root.Dir, "cache");

    private ArtifactCache Cache => new(new FolderBlobStore(CacheDir));

    /// <summary>Stores one entry of <see cref="BootstrapBytes"/> under a hash made of <paramref name="digit"/>, last used <paramref name="daysAgo"/> days ago.</summary>
    private async Task<string> EntryAsync(char digit, int daysAgo)
    {
        var hash = new string(digit, 64);
        var bootstrap = Path.Combine(_root.Dir, $"bootstrap-{digit}");
        File.WriteAllBytes(bootstrap, Enumerable.Repeat((byte)digit, BootstrapBytes).ToArray());
        await Cache.StoreAsync(hash, Toolchain, bootstrap, CancellationToken.None);
        var dir = Path.Combine(CacheDir, ArtifactCache.EntryName(hash, Toolchain));
        foreach (var file in Directory.GetFiles(dir))
        {
            File.SetLastWriteTimeUtc(file, _now.AddDays(-daysAgo));
        }

        return hash;
    }

    private async Task<bool> HitAsync(string hash)
    {
        var (result, _) = await Cache.TryRestoreAsync(hash, Toolchain, Path.Combine(_root.Dir, "restored"), CancellationToken.None);
        return result == CacheLookup.Hit;
    }

    private static long EntryBytes(string dir) => new DirectoryInfo(Path.Combine(dir, ArtifactCache.EntryName(new string('a', 64), Toolchain))).GetFiles().Sum(f => f.Length);

    [Fact]
    public async Task Entries_unused_for_longer_than_the_age_go_and_the_others_stay_usable()
    {
        var (fresh, old) = (await EntryAsync('a', daysAgo: 2), await EntryAsync('b', daysAgo: 40));

        var result = CachePruner.Prune(CacheDir, maxBytes: null, olderThan: TimeSpan.FromDays(30), _now);

        Assert.Equal((1, 1), (result.RemovedEntries, result.KeptEntries));
        Assert.True(await HitAsync(fresh));
        Assert.False(await HitAsync(old));
    }

    [Fact]
    public async Task Beyond_the_size_the_least_recently_used_go_and_a_download_counts_as_a_use()
    {
        var oldest = await EntryAsync('a', daysAgo: 9);
        var older = await EntryAsync('b', daysAgo: 8);
        var recent = await EntryAsync('c', daysAgo: 1);
        Assert.True(await HitAsync(oldest)); // used just now: the most recent of all
        var perEntry = EntryBytes(CacheDir);

        var result = CachePruner.Prune(CacheDir, maxBytes: 2 * perEntry, olderThan: null, _now.AddMinutes(1));

        Assert.Equal((1, 2, 2 * perEntry), (result.RemovedEntries, result.KeptEntries, result.KeptBytes));
        Assert.False(await HitAsync(older));
        Assert.True(await HitAsync(oldest));
        Assert.True(await HitAsync(recent));
    }

    [Fact]
    public async Task Folders_and_files_the_cache_did_not_write_are_left_alone()
    {
        await EntryAsync('a', daysAgo: 100);
        var foreign = Directory.CreateDirectory(Path.Combine(CacheDir, "my-notes")).FullName;
        File.WriteAllText(Path.Combine(foreign, "todo.txt"), "keep me");
        File.WriteAllText(Path.Combine(CacheDir, "README"), "keep me too");

        var result = CachePruner.Prune(CacheDir, maxBytes: 0, olderThan: TimeSpan.FromDays(1), _now);

        Assert.Equal((1, 0), (result.RemovedEntries, result.KeptEntries));
        Assert.Equal(["my-notes"], Directory.GetDirectories(CacheDir).Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(foreign, "todo.txt")));
        Assert.True(File.Exists(Path.Combine(CacheDir, "README")));
    }

    [Fact]
    public async Task The_command_prunes_the_folder_it_is_given_and_says_what_it_removed()
    {
        await EntryAsync('a', daysAgo: 3);
        await EntryAsync('b', daysAgo: 50);

        var run = await CliRun.RunAsync("cache", "prune", "--cache", CacheDir, "--older-than", "30d", "--max-size", "1GB");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith($"removed 1 entries (10 KB) from {CacheDir}; kept 1 (10 KB)", run.Stdout);
        Assert.Single(Directory.GetDirectories(CacheDir));
    }

    [Theory]
    [InlineData("--max-size", "2XB", "'2XB' is not a valid value for --max-size.")]
    [InlineData("--max-size", "-5MB", "'-5MB' is not a valid value for --max-size.")]
    [InlineData("--older-than", "30", "'30' is not a valid value for --older-than.")]
    [InlineData("--older-than", "1w", "'1w' is not a valid value for --older-than.")]
    public async Task A_limit_that_is_not_one_is_refused_and_nothing_is_removed(string option, string value, string message)
    {
        var hash = await EntryAsync('a', daysAgo: 400);

        var run = await CliRun.RunAsync("cache", "prune", "--cache", CacheDir, option, value);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Stderr + run.Stdout);
        Assert.True(await HitAsync(hash));
    }

    [Theory]
    [InlineData(new[] { "--cache", "s3://bucket/prefix", "--max-size", "1GB" }, "error: cache prune works on a cache folder, not 's3://bucket/prefix'; bound an S3 cache with a lifecycle rule on the bucket.")]
    [InlineData(new[] { "--cache", "somewhere" }, "error: cache prune needs --max-size, --older-than or both (nothing would be removed).")]
    public async Task Prune_without_a_limit_or_of_an_S3_cache_is_an_error(string[] options, string message)
    {
        var run = await CliRun.RunAsync(["cache", "prune", .. options]);

        Assert.Equal((1, message), (run.ExitCode, run.Stderr.Trim()));
    }

    [Theory]
    [InlineData("1048576", 1048576L)]
    [InlineData("500MB", 500L * 1024 * 1024)]
    [InlineData("1.5gb", 3L * 512 * 1024 * 1024)]
    [InlineData("64 KB", 64L * 1024)]
    public void Sizes_are_bytes_or_1024_based_units(string text, long bytes)
    {
        Assert.True(CacheLimits.TryParseSize(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    public void Dispose() => _root.Dispose();
}
