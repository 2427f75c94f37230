using LambdaRoutes.Packager.Caching;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Reliability;

/// <summary>
/// "Never a lost artifact": a build that is cancelled or fails after some routes finished keeps those routes — staged whole in
/// <c>&lt;out&gt;/.staging/</c> and stored in the artifact cache as each one finished — and leaves nothing of the others; the
/// previous output stays as it was. The next build of the same inputs takes them over instead of compiling them again.
/// Real pipeline and real batch MSBuild run, over stand-in entry projects (<see cref="MsBuildStandInSteps"/>).
/// </summary>
public sealed class StoppedBuildTests : IDisposable
{
    private readonly TempApp _app = new TempApp().Routes("api/a.cs", "api/b.cs");
    private readonly TempApp _cacheRoot = new("Cache", withProject: false);

    private static readonly DotnetToolchain Toolchain = new("10.0.100", new Dictionary<string, string> { ["net10.0"] = "10.0.1" });

    private const string Fails = """<Error Code="CS1002" File="$(MSBuildProjectDirectory)/Program.cs" Text="; expected" />""";

    private string CacheDir => Path.Combine(_cacheRoot.Dir, "cache");

    private string Out(string name = "out") => Path.Combine(_app.Dir, "outs", name);

    private string Staging => Path.Combine(Out(), ArtifactPaths.StagingFolder);

    private BuildOptions Options(string outName = "out") =>
        new(_app.Dir, Out(outName), Jobs: 2, Cache: new ArtifactCache(new FolderBlobStore(CacheDir)), Toolchain: Toolchain);

    /// <summary>What the staging folder holds: ApiA's folder and zip, and nothing of ApiB.</summary>
    private void AssertOnlyApiAIsStaged()
    {
        Assert.Equal(["ApiA", "ApiA.zip"], Directory.GetFileSystemEntries(Staging).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var staged = new ArtifactPaths(Staging, "ApiA");
        Assert.True(staged.IsUpToDate(File.ReadAllText(staged.Stamp)), "ApiA is not staged whole");
        Assert.False(File.Exists(Path.Combine(Out(), ManifestWriter.FileName)));
        Assert.False(Directory.Exists(Path.Combine(Out(), "ApiA")));
        // Stored in the cache when it finished: one entry, index written.
        Assert.True(File.Exists(Path.Combine(Assert.Single(Directory.GetDirectories(CacheDir)), ArtifactCache.IndexObject)));
    }

    /// <summary>The next build takes ApiA over from staging, publishes <paramref name="published"/> (ApiB unless the cache has it) and commits both.</summary>
    private async Task AssertNextBuildTakesOverApiAAsync(string[] published)
    {
        var steps = new MsBuildStandInSteps(_ => "");
        var reporter = new RecordingReporter();
        var stderr = new StringWriter();

        var exit = await BuildPipeline.RunAsync(Options(), reporter, stderr, steps: steps);

        Assert.True(exit == 0, stderr.ToString());
        Assert.Equal(published, steps.Published);
        Assert.Contains("restored 1 route(s) an earlier build finished before it stopped: ApiA", reporter.Lines);
        Assert.Equal("ApiA Release false true", File.ReadAllText(new ArtifactPaths(Out(), "ApiA").Bootstrap).Trim());
        Assert.True(File.Exists(Path.Combine(Out(), ManifestWriter.FileName)));
        Assert.False(Directory.Exists(Staging));
    }

    [Fact]
    public async Task A_cancelled_build_keeps_the_routes_that_finished_and_the_next_build_takes_them_over()
    {
        // ApiB publishes for ten minutes; the build is cancelled once ApiA has been reported and ApiB's publish runs.
        var pidFile = Path.Combine(_app.Dir, "b.pid");
        var steps = new MsBuildStandInSteps(id => id == "ApiB" ? $"""<Exec Command="echo $$ > '{pidFile}'; exec sleep 600" />""" : "");
        var finishedA = 0;
        var reporter = new RecordingReporter { OnRouteFinished = b => { if (b.Route.Id == "ApiA") Volatile.Write(ref finishedA, 1); } };
        using var cancel = new CancellationTokenSource();
        var build = BuildPipeline.RunAsync(Options(), reporter, TextWriter.Null, cancel.Token, steps);
        Assert.True(SpinWait.SpinUntil(() => (Volatile.Read(ref finishedA) == 1 && File.Exists(pidFile) && new FileInfo(pidFile).Length > 0) || build.IsCompleted, TimeSpan.FromMinutes(5)));
        Assert.False(build.IsCompleted, "the build ended before ApiB's publish started");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => build);

        AssertOnlyApiAIsStaged();
        await AssertNextBuildTakesOverApiAAsync(["ApiB"]);
    }

    [Fact]
    public async Task A_route_that_fails_loses_no_route_that_finished()
    {
        var steps = new MsBuildStandInSteps(id => id == "ApiB" ? Fails : "");
        var stderr = new StringWriter();

        var exit = await BuildPipeline.RunAsync(Options(), new RecordingReporter(), stderr, steps: steps);

        Assert.Equal(1, exit);
        Assert.Contains("build failed: 1 route(s) failed; no manifest was written; the 1 route(s) that finished are kept for the next build.", stderr.ToString());
        AssertOnlyApiAIsStaged();

        // Another output folder (a teammate, a CI runner) gets ApiA from the cache the failed build filled.
        var elsewhere = new MsBuildStandInSteps(_ => "");
        var reporter = new RecordingReporter();
        Assert.Equal(0, await BuildPipeline.RunAsync(Options("elsewhere"), reporter, TextWriter.Null, steps: elsewhere));
        Assert.Equal(["ApiB"], elsewhere.Published);
        Assert.Contains(reporter.Lines, l => l.StartsWith("restored 1 route(s) from the artifact cache", StringComparison.Ordinal));

        await AssertNextBuildTakesOverApiAAsync([]); // ApiB too is in the cache now
    }

    public void Dispose()
    {
        _app.Dispose();
        _cacheRoot.Dispose();
    }
}
