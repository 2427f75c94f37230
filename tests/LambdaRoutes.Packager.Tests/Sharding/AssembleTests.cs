using System.Text.Json;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Sharding;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Sharding;

/// <summary>
/// <c>build --shard i/n</c> on each of n machines, then <c>assemble</c>: the same manifest and the same artifact bytes as one
/// build of the whole app, and a precise refusal (nothing written) for shares that do not belong together.
/// Builds run the real pipeline with reproducible stand-in publishes, so equal inputs give equal bootstraps as a real
/// reproducible publish does; <c>assemble</c> runs through the CLI.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // bootstraps are Linux executables with Unix modes
public sealed class AssembleTests : IDisposable
{
    private readonly TempApp _app = new TempApp()
        .Routes("api/index.cs", "api/a.cs", "api/b.cs", "api/users/[id].cs", "api/posts/[...slug].cs")
        .Write("api/_lib/Shared.cs", "namespace TestApp; internal static class Shared;\n");

    private readonly TempApp _work = new("Work", withProject: false);

    private string Out(string name) => Path.Combine(_work.Dir, name);

    private async Task<StandInBuildSteps> BuildAsync(string outName, RouteShard? shard = null)
    {
        var steps = new StandInBuildSteps { Reproducible = true };
        var stderr = new StringWriter();
        var exit = await BuildPipeline.RunAsync(new BuildOptions(_app.Dir, Out(outName), Jobs: 2, Shard: shard), new RecordingReporter(), stderr, steps: steps);
        Assert.True(exit == 0, stderr.ToString());
        return steps;
    }

    private async Task BuildSharesAsync(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await BuildAsync($"shard{i}", new RouteShard(i, count));
        }
    }

    private static Task<CliResult> AssembleAsync(string outDir, params string[] shardDirs) =>
        CliRun.RunAsync(["assemble", .. shardDirs, "-o", outDir]);

    [Fact]
    public async Task Shards_then_assemble_give_the_manifest_and_bytes_of_one_build()
    {
        await BuildAsync("whole");
        var publishes = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            publishes.Add((await BuildAsync($"shard{i}", new RouteShard(i, 3))).Publishes);
            Assert.False(File.Exists(Path.Combine(Out($"shard{i}"), "manifest.json")), "a share is not a deployable app");
        }

        // A CI artifact store that drops file modes on the way: assemble makes the bootstraps executable again.
        var downloaded = Directory.GetFiles(Out("shard1"), "bootstrap", SearchOption.AllDirectories);
        Assert.NotEmpty(downloaded);
        Array.ForEach(downloaded, f => File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead));

        var result = await AssembleAsync(Out("assembled"), Out("shard3"), Out("shard1"), Out("shard2")); // any order

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal([2, 2, 1], publishes);
        Assert.Equal($"assembled 5 route(s) from 3 shard output(s): {Path.Combine(Out("assembled"), "manifest.json")}", result.Stdout.TrimEnd());
        OutputFiles.AssertSame(Out("whole"), Out("assembled"));
        Assert.All(Directory.GetFiles(Out("assembled"), "bootstrap", SearchOption.AllDirectories),
            f => Assert.Equal(File.GetUnixFileMode(Path.Combine(Out("whole"), Path.GetRelativePath(Out("assembled"), f))), File.GetUnixFileMode(f)));

        // The assembled folder is an ordinary build output: building the app into it again changes nothing.
        var again = await BuildAsync("assembled");
        Assert.Equal((0, 0), (again.Compiles, again.Publishes));
    }

    [Fact]
    public async Task A_share_missing_or_given_twice_is_refused_and_nothing_is_written()
    {
        await BuildSharesAsync(3);

        var missing = await AssembleAsync(Out("assembled"), Out("shard1"), Out("shard3"));
        var twice = await AssembleAsync(Out("assembled"), Out("shard1"), Out("shard2"), Out("shard3"), Out("shard2"));

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("error LR3203: share(s) 2/3 missing: pass the --out folder of every `build --shard i/3`.", missing.Stderr);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains($"error LR3203: share 2/3 is given more than once: {Out("shard2")}, {Out("shard2")}.", twice.Stderr);
        Assert.Contains("assemble failed: nothing was written.", twice.Stderr);
        Assert.False(Directory.Exists(Out("assembled")));
    }

    [Fact]
    public async Task Shares_of_different_splits_are_refused()
    {
        await BuildAsync("shard1", new RouteShard(1, 2));
        await BuildAsync("shard2", new RouteShard(2, 3));

        var result = await AssembleAsync(Out("assembled"), Out("shard1"), Out("shard2"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error LR3203: the shard outputs split the app differently: {Out("shard1")} is 1/2, {Out("shard2")} is 2/3.", result.Stderr);
    }

    [Fact]
    public async Task Shares_built_from_different_shared_code_are_refused_naming_what_differs()
    {
        await BuildAsync("shard1", new RouteShard(1, 2));
        File.AppendAllText(Path.Combine(_app.Dir, "api", "_lib", "Shared.cs"), "// changed between the two CI jobs\n");
        await BuildAsync("shard2", new RouteShard(2, 2));

        var result = await AssembleAsync(Out("assembled"), Out("shard1"), Out("shard2"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error LR3202: {Out("shard2")} was built from other inputs than {Out("shard1")}: shared-source hash '", result.Stderr);
        Assert.False(Directory.Exists(Out("assembled")));
    }

    [Fact]
    public async Task Shares_of_different_settings_or_route_tables_are_refused()
    {
        await BuildAsync("shard1", new RouteShard(1, 2));
        var steps = new StandInBuildSteps();
        Assert.Equal(0, await BuildPipeline.RunAsync(
            new BuildOptions(_app.Dir, Out("shard2"), Framework: "net8.0", Shard: new RouteShard(2, 2)), new RecordingReporter(), TextWriter.Null, steps: steps));
        _app.Route("api/late.cs");
        await BuildAsync("shard2b", new RouteShard(2, 2));

        var framework = await AssembleAsync(Out("assembled"), Out("shard1"), Out("shard2"));
        var table = await AssembleAsync(Out("assembled"), Out("shard1"), Out("shard2b"));

        Assert.Contains("framework 'net8.0' (not 'net10.0')", framework.Stderr);
        Assert.Contains("error LR3202: ", table.Stderr);
        Assert.Contains("route ids 'Api, ApiA, ApiB, ApiLate, ", table.Stderr);
    }

    [Fact]
    public async Task A_folder_that_is_not_a_shard_output_and_an_altered_zip_are_refused()
    {
        await BuildSharesAsync(2);
        var zip = Path.Combine(Out("shard2"), JsonDocument.Parse(File.ReadAllText(Path.Combine(Out("shard2"), ShardManifest.FileName)))
            .RootElement.GetProperty("manifest").GetProperty("routes")[0].GetProperty("zip").GetString()!);
        File.AppendAllText(zip, "trailing bytes");

        var notShard = await AssembleAsync(Out("assembled"), Out("shard1"), _app.Dir);
        var altered = await AssembleAsync(Out("assembled"), Out("shard1"), Out("shard2"));

        Assert.Contains($"error LR3201: {Path.Combine(_app.Dir, "shard.json")} does not exist: a shard output is the --out folder of `lambda-routes build --shard i/n`", notShard.Stderr);
        Assert.Matches(@"error LR3205: \w+: .+\.zip has SHA-256 [0-9a-f]{64}, its shard manifest says [0-9a-f]{64}\.", altered.Stderr);
        Assert.False(Directory.Exists(Out("assembled")));
    }

    [Fact]
    public async Task The_manifest_points_at_the_app_here_and_an_app_that_is_not_here_is_refused()
    {
        await BuildSharesAsync(2);
        using var checkout = new TempApp(); // the same app checked out at another path on the assembling machine
        using var empty = new TempApp("Empty", withProject: false);

        var elsewhere = await CliRun.RunAsync("assemble", Out("shard1"), Out("shard2"), "-o", Out("assembled"), "--app", checkout.Dir);
        var missing = await CliRun.RunAsync("assemble", Out("shard1"), Out("shard2"), "-o", Out("refused"), "--app", empty.Dir);

        Assert.True(elsewhere.ExitCode == 0, elsewhere.Stderr);
        var appProject = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out("assembled"), "manifest.json"))).RootElement.GetProperty("appProject").GetString();
        Assert.Equal(Path.GetRelativePath(Out("assembled"), Path.Combine(checkout.Dir, "TestApp.csproj")), appProject);
        Assert.Contains($"error LR3206: --app {empty.Dir} holds no TestApp.csproj, the project the shards were built from.", missing.Stderr);
        Assert.False(Directory.Exists(Out("refused")));
    }

    [Fact]
    public async Task The_build_command_refuses_a_shard_of_one_binary()
    {
        var result = await CliRun.RunAsync("build", _app.Dir, "--mode", "single", "--shard", "1/2", "--no-cache");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error LR3007: --shard 1/2 splits the routes over machines, but --mode single builds them all as one binary; drop one of the two.", result.Stderr.TrimEnd());
    }

    public void Dispose()
    {
        _app.Dispose();
        _work.Dispose();
    }
}
