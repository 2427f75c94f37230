using LambdaRoutes.Packager.Caching;
using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Caching;

/// <summary>
/// The artifact cache in a folder, through the real pipeline (discovery, hashing, staging, commit, manifest) with stand-in
/// dotnet steps whose publishes are counted: a build whose inputs are all in the cache compiles and publishes nothing and
/// writes the same output byte for byte; an entry that is not whole is ignored and rebuilt, never used.
/// </summary>
public sealed class FolderCacheTests : IDisposable
{
    private readonly TempApp _app = new TempApp().Routes("api/a.cs", "api/b.cs", "api/users/[id].cs").Write("api/_lib/Shared.cs", "namespace TestApp; internal static class Shared;\n");
    private readonly TempApp _cacheRoot = new("Cache", withProject: false);

    /// <summary>The SDK and ILCompiler every build of these tests claims to use, unless a test names another.</summary>
    private static readonly DotnetToolchain Toolchain = new("10.0.100", new Dictionary<string, string> { ["net10.0"] = "10.0.1" });

    private string CacheDir => Path.Combine(_cacheRoot.Dir, "cache");

    private string EntryDir(string inputHash) => Path.Combine(CacheDir, ArtifactCache.EntryName(inputHash, Toolchain.Describe(BuildOptions.DefaultFramework)));

    private string Out(string name) => Path.Combine(_app.Dir, "outs", name);

    private async Task<(int Exit, StandInBuildSteps Steps, string Stderr, RecordingReporter Reporter)> BuildAsync(string outName, ArtifactCache? cache, DotnetToolchain? toolchain = null)
    {
        var steps = new StandInBuildSteps { Reproducible = true };
        var (stderr, reporter) = (new StringWriter(), new RecordingReporter());
        var options = new BuildOptions(_app.Dir, Out(outName), Jobs: 1, Cache: cache, Toolchain: toolchain ?? Toolchain);
        var exit = await BuildPipeline.RunAsync(options, reporter, stderr, steps: steps);
        return (exit, steps, stderr.ToString(), reporter);
    }

    private ArtifactCache Cache() => new(new FolderBlobStore(CacheDir));

    [Fact]
    public async Task A_build_whose_routes_are_all_in_the_cache_compiles_nothing_and_writes_the_same_output()
    {
        var first = await BuildAsync("first", Cache());
        Assert.True(first.Exit == 0, first.Stderr);
        Assert.Equal((1, 3), (first.Steps.Compiles, first.Steps.Publishes));
        Assert.Contains("stored 3 route(s) in the artifact cache " + CacheDir, first.Reporter.Lines);

        var second = await BuildAsync("second", Cache());

        Assert.True(second.Exit == 0, second.Stderr);
        Assert.Equal((0, 0), (second.Steps.Compiles, second.Steps.Publishes));
        Assert.Contains("restored 3 route(s) from the artifact cache " + CacheDir + ": ApiA, ApiB, ApiUsersId", second.Reporter.Lines);
        OutputFiles.AssertSame(Out("first"), Out("second"));
    }

    [Fact]
    public async Task A_route_restored_from_the_cache_still_has_its_entry_project_for_dev_and_tools_that_read_it()
    {
        Assert.Equal(0, (await BuildAsync("first", Cache())).Exit);
        var entries = Path.Combine(_app.Dir, EntryProject.EntryRoot);
        Directory.Delete(entries, recursive: true); // a fresh checkout: nothing under obj/, every route in the cache

        var restored = await BuildAsync("restored", Cache());

        Assert.Equal((0, 0), (restored.Steps.Compiles, restored.Steps.Publishes));
        foreach (var id in new[] { "ApiA", "ApiB", "ApiUsersId" })
        {
            Assert.True(File.Exists(Path.Combine(entries, id, "Program.cs")), $"{id} has no Program.cs after a cache hit");
            Assert.True(File.Exists(Path.Combine(entries, id, id + ".csproj")), $"{id} has no project after a cache hit");
        }
    }

    [Fact]
    public async Task Only_the_routes_whose_inputs_changed_are_built_and_without_a_cache_everything_is()
    {
        Assert.Equal(0, (await BuildAsync("first", Cache())).Exit);
        File.AppendAllText(Path.Combine(_app.Dir, "api", "b.cs"), "\n// b changed: its input hash is new\n");

        var changed = await BuildAsync("changed", Cache());
        var uncached = await BuildAsync("uncached", cache: null);

        Assert.Equal((1, 1), (changed.Steps.Compiles, changed.Steps.Publishes));
        Assert.Contains(changed.Reporter.Lines, l => l.EndsWith(": ApiA, ApiUsersId", StringComparison.Ordinal));
        Assert.Equal((1, 3), (uncached.Steps.Compiles, uncached.Steps.Publishes));
        OutputFiles.AssertSame(Out("uncached"), Out("changed"));
    }

    [Theory]
    [InlineData("altered bootstrap")]
    [InlineData("truncated bootstrap")]
    [InlineData("missing bootstrap")]
    [InlineData("index of another key")]
    [InlineData("index not JSON")]
    public async Task An_entry_that_is_not_whole_is_reported_ignored_and_replaced_by_a_rebuild(string damage)
    {
        var first = await BuildAsync("first", Cache());
        Assert.Equal(0, first.Exit);
        var hash = File.ReadAllText(new ArtifactPaths(Out("first"), "ApiB").Stamp);
        var entry = EntryDir(hash);
        var bootstrap = Path.Combine(entry, ArtifactCache.BootstrapObject);
        var index = Path.Combine(entry, ArtifactCache.IndexObject);
        switch (damage)
        {
            case "altered bootstrap": File.WriteAllText(bootstrap, File.ReadAllText(bootstrap).Replace("stand-in", "tampered")); break;
            case "truncated bootstrap": File.WriteAllBytes(bootstrap, File.ReadAllBytes(bootstrap)[..10]); break;
            case "missing bootstrap": File.Delete(bootstrap); break;
            case "index of another key": File.WriteAllText(index, File.ReadAllText(index).Replace(hash, new string('0', hash.Length))); break;
            case "index not JSON": File.WriteAllText(index, "{ half an ind"); break;
        }

        var second = await BuildAsync("second", Cache());

        Assert.True(second.Exit == 0, second.Stderr);
        Assert.StartsWith($"warning LR3102: artifact cache entry {hash} in {CacheDir} (ApiB) is not whole: ", second.Stderr);
        Assert.Equal((1, 1), (second.Steps.Compiles, second.Steps.Publishes)); // ApiB rebuilt, the other two restored
        OutputFiles.AssertSame(Out("first"), Out("second"));

        // The rebuild stored a whole entry again: a third build is served entirely from the cache.
        var third = await BuildAsync("third", Cache());
        Assert.Equal(("", 0, 0), (third.Stderr, third.Steps.Compiles, third.Steps.Publishes));
    }

    [Fact]
    public async Task A_bootstrap_without_its_index_is_no_entry_yet()
    {
        var first = await BuildAsync("first", Cache());
        var hash = File.ReadAllText(new ArtifactPaths(Out("first"), "ApiA").Stamp);
        File.Delete(Path.Combine(EntryDir(hash), ArtifactCache.IndexObject)); // a writer stopped between the two objects

        var second = await BuildAsync("second", Cache());

        Assert.Equal((0, 0, ""), (first.Exit, second.Exit, second.Stderr));
        Assert.Equal(1, second.Steps.Publishes);
    }

    [Fact]
    public async Task A_cache_that_cannot_be_used_is_a_warning_and_the_build_succeeds_without_it()
    {
        Directory.CreateDirectory(_cacheRoot.Dir);
        File.WriteAllText(CacheDir, "a file where the cache folder should be");

        var build = await BuildAsync("first", Cache());

        Assert.True(build.Exit == 0, build.Stderr);
        Assert.Equal(3, build.Steps.Publishes);
        Assert.Contains($"warning LR3103: artifact cache {CacheDir} cannot be written (", build.Stderr);
        Assert.True(new ArtifactPaths(Out("first"), "ApiA").IsUpToDate(File.ReadAllText(new ArtifactPaths(Out("first"), "ApiA").Stamp)));
    }

    [Fact]
    public async Task Single_binary_mode_stores_its_one_binary_once_and_restores_every_route_from_it()
    {
        var options = (string name) => new BuildOptions(_app.Dir, Out(name), Jobs: 1, Mode: BuildMode.Single, Cache: Cache(), Toolchain: Toolchain);
        var (firstSteps, secondSteps) = (new StandInBuildSteps { Reproducible = true }, new StandInBuildSteps { Reproducible = true });
        Assert.Equal(0, await BuildPipeline.RunAsync(options("first"), new RecordingReporter(), TextWriter.Null, steps: firstSteps));
        Assert.Equal(0, await BuildPipeline.RunAsync(options("second"), new RecordingReporter(), TextWriter.Null, steps: secondSteps));

        Assert.Equal((1, 0), (firstSteps.Publishes, secondSteps.Publishes));
        Assert.Single(Directory.GetDirectories(CacheDir));
        OutputFiles.AssertSame(Out("first"), Out("second")); // each route's folder keeps its own route selector file
    }

    [Theory]
    [InlineData("10.0.200", "10.0.1")] // another SDK, the same ILCompiler
    [InlineData("10.0.100", "10.0.2")] // the same SDK, another ILCompiler
    public async Task A_binary_built_by_one_toolchain_is_never_served_to_another(string sdk, string ilCompiler)
    {
        var other = new DotnetToolchain(sdk, new Dictionary<string, string> { ["net10.0"] = ilCompiler });
        Assert.Equal(0, (await BuildAsync("first", Cache())).Exit);

        var elsewhere = await BuildAsync("other-toolchain", Cache(), other);
        var again = await BuildAsync("same-toolchain", Cache());

        Assert.True(elsewhere.Exit == 0, elsewhere.Stderr);
        Assert.Equal((1, 3), (elsewhere.Steps.Compiles, elsewhere.Steps.Publishes)); // nothing restored: every route compiled
        Assert.DoesNotContain(elsewhere.Reporter.Lines, l => l.StartsWith("restored ", StringComparison.Ordinal));
        Assert.Equal((0, 0), (again.Steps.Compiles, again.Steps.Publishes)); // each toolchain's entries live side by side
        Assert.Equal(6, Directory.GetDirectories(CacheDir).Length);
        var index = File.ReadAllText(Path.Combine(EntryDir(File.ReadAllText(new ArtifactPaths(Out("first"), "ApiA").Stamp)), ArtifactCache.IndexObject));
        Assert.Contains("\"toolchain\": \"sdk 10.0.100, ILCompiler 10.0.1\"", index);
    }

    [Fact]
    public async Task The_route_table_shows_routes_from_the_cache_as_restored_not_built()
    {
        Assert.Equal(0, (await BuildAsync("first", Cache())).Exit);
        File.AppendAllText(Path.Combine(_app.Dir, "api", "b.cs"), "\n// b changed: the only route compiled\n");
        var output = new StringWriter();

        var exit = await BuildPipeline.RunAsync(new BuildOptions(_app.Dir, Out("second"), Jobs: 1, Cache: Cache(), Toolchain: Toolchain),
            new PlainBuildReporter(output), TextWriter.Null, steps: new StandInBuildSteps { Reproducible = true });

        Assert.Equal(0, exit);
        var rows = output.ToString().Split('\n');
        Assert.Contains(rows, r => r.Contains(" ApiA ", StringComparison.Ordinal) && r.Contains(" restored ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(" ApiB ", StringComparison.Ordinal) && r.Contains(" built ", StringComparison.Ordinal));
        Assert.Contains("1 built, 2 restored, 0 cached, 0 failed", output.ToString());
    }

    public void Dispose()
    {
        _app.Dispose();
        _cacheRoot.Dispose();
    }
}
