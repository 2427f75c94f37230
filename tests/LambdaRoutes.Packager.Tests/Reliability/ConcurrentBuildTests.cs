using System.Diagnostics;
using System.Text.Json;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Reliability;

/// <summary>
/// Builds running at the same time, driven through the real pipeline — discovery, locks, staging,
/// commit, manifest — with stand-in dotnet steps that can be held inside the compile or a publish. Every wait is on an
/// event the build reports (it says it waits for a lock, it entered a step); the time limits only stop a hung test.
/// </summary>
public sealed class ConcurrentBuildTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Two_builds_of_one_app_take_turns_and_with_a_third_leave_a_manifest_whose_every_artifact_exists()
    {
        using var app = new TempApp().Routes("api/a.cs", "api/b.cs");
        var options = new BuildOptions(app.Dir, Jobs: 1);
        Assert.Equal(0, await BuildPipeline.RunAsync(options, new RecordingReporter(), TextWriter.Null, steps: new StandInBuildSteps()));
        File.AppendAllText(Path.Combine(app.Dir, "api", "a.cs"), "\n// edited: this route must be built again\n");

        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstSteps = new StandInBuildSteps { PublishGate = releaseFirst.Task };
        var (secondSteps, thirdSteps) = (new StandInBuildSteps(), new StandInBuildSteps());
        var (second, third) = (new RecordingReporter(), new RecordingReporter());
        var errors = new[] { new StringWriter(), new StringWriter(), new StringWriter() };
        Task<int>? thirdBuild = null;
        // The third build starts once the first has staged its route and moves on to its commit.
        var first = new RecordingReporter
        {
            OnRouteFinished = _ => thirdBuild = Task.Run(() => BuildPipeline.RunAsync(options, third, errors[2], steps: thirdSteps)),
        };

        var firstBuild = Task.Run(() => BuildPipeline.RunAsync(options, first, errors[0], steps: firstSteps));
        await firstSteps.PublishEntered.Task.WaitAsync(HangGuard);
        var secondBuild = Task.Run(() => BuildPipeline.RunAsync(options, second, errors[1], steps: secondSteps));
        var waiting = await second.Waiting.Task.WaitAsync(HangGuard);

        // The first build is publishing, its compile locks released: only the app lock holds the second back.
        Assert.Contains("another lambda-routes build of this app", waiting);
        Assert.Equal(0, secondSteps.Compiles);
        releaseFirst.SetResult();
        var exitCodes = await Task.WhenAll(firstBuild, secondBuild).WaitAsync(HangGuard);
        var thirdExit = await thirdBuild!.WaitAsync(HangGuard);

        Assert.True(exitCodes is [0, 0] && thirdExit == 0, string.Join("\n---\n", errors.Select(e => e.ToString())));
        Assert.Equal(1, firstSteps.Publishes);
        // The later builds decided what to build after the first committed: everything was up to date.
        Assert.Equal((0, 0, 0, 0), (secondSteps.Compiles, secondSteps.Publishes, thirdSteps.Compiles, thirdSteps.Publishes));
        AssertManifestNamesExistingArtifacts(options.ResolvedOutDir, ["ApiA", "ApiB"]);
    }

    [Fact]
    public async Task Builds_of_two_apps_run_side_by_side_and_wait_for_each_other_only_to_compile_the_project_they_share()
    {
        using var shared = new TempApp("Shared"); // stands in for the runtime that every app references
        using var one = AppReferencing("One", shared);
        using var two = AppReferencing("Two", shared);
        var (releaseCompile, releasePublish) = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var oneSteps = new StandInBuildSteps { CompileGate = releaseCompile.Task, PublishGate = releasePublish.Task };
        var twoSteps = new StandInBuildSteps();
        var twoReporter = new RecordingReporter();

        var oneBuild = Task.Run(() => BuildPipeline.RunAsync(new BuildOptions(one.Dir), new RecordingReporter(), TextWriter.Null, steps: oneSteps));
        await oneSteps.CompileEntered.Task.WaitAsync(HangGuard);
        var twoBuild = Task.Run(() => BuildPipeline.RunAsync(new BuildOptions(two.Dir), twoReporter, TextWriter.Null, steps: twoSteps));

        // While One compiles, Two waits for the shared project, and names it.
        var waiting = await twoReporter.Waiting.Task.WaitAsync(HangGuard);
        Assert.Contains($"another lambda-routes build to finish compiling {shared.Dir} ", waiting);
        Assert.Equal(0, twoSteps.Compiles);

        // Once One has compiled and sits in its publish, Two builds from start to end beside it.
        releaseCompile.SetResult();
        await oneSteps.PublishEntered.Task.WaitAsync(HangGuard);
        Assert.Equal(0, await twoBuild.WaitAsync(HangGuard));
        Assert.False(oneBuild.IsCompleted, "One was released from its publish only after Two finished");
        Assert.Equal((1, 1), (twoSteps.Compiles, twoSteps.Publishes));
        Assert.DoesNotContain(twoReporter.Lines, l => l.Contains("of this app", StringComparison.Ordinal));

        releasePublish.SetResult();
        Assert.Equal(0, await oneBuild.WaitAsync(HangGuard));
        AssertManifestNamesExistingArtifacts(new BuildOptions(one.Dir).ResolvedOutDir, ["ApiA"]);
        AssertManifestNamesExistingArtifacts(new BuildOptions(two.Dir).ResolvedOutDir, ["ApiA"]);
    }

    [Fact]
    public async Task A_build_lock_whose_holder_is_killed_is_released_and_the_next_build_goes_ahead()
    {
        using var app = new TempApp().Routes("api/a.cs");
        var lockPath = BuildLock.AppLockPath(app.Dir);
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        // flock(1) takes the same kind of lock (flock(2)) and, with --close, holds it in its own process only.
        using var holder = Process.Start(new ProcessStartInfo("flock", ["--exclusive", "--close", lockPath, "sh", "-c", "echo locked; exec sleep 600"])
        {
            RedirectStandardOutput = true,
        })!;
        try
        {
            Assert.Equal("locked", await holder.StandardOutput.ReadLineAsync().WaitAsync(HangGuard));
            var reporter = new RecordingReporter();
            var build = Task.Run(() => BuildPipeline.RunAsync(new BuildOptions(app.Dir), reporter, TextWriter.Null, steps: new StandInBuildSteps()));
            Assert.Contains(lockPath, await reporter.Waiting.Task.WaitAsync(HangGuard));

            holder.Kill(entireProcessTree: true);

            Assert.Equal(0, await build.WaitAsync(HangGuard));
            AssertManifestNamesExistingArtifacts(new BuildOptions(app.Dir).ResolvedOutDir, ["ApiA"]);
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task A_lock_file_that_cannot_be_created_is_error_LR3101_naming_it_and_nothing_is_compiled()
    {
        using var shared = new TempApp("Shared");
        shared.Write("obj", "a file where the project's obj/ folder would go\n");
        using var app = AppReferencing("One", shared);
        var (steps, stderr) = (new StandInBuildSteps(), new StringWriter());

        var exitCode = await BuildPipeline.RunAsync(new BuildOptions(app.Dir), new RecordingReporter(), stderr, steps: steps);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"error LR3101: cannot create the build lock file {Path.Combine(shared.Dir, "obj", "lambda-routes.lock")}: ", stderr.ToString());
        Assert.Equal(0, steps.Compiles);
    }

    private static TempApp AppReferencing(string name, TempApp shared) =>
        new TempApp(name, withProject: false)
            .Write($"{name}.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <ItemGroup>
                    <ProjectReference Include="{Path.Combine(shared.Dir, "Shared.csproj")}" />
                  </ItemGroup>
                </Project>
                """)
            .Routes("api/a.cs");

    /// <summary>A manifest exists, names exactly <paramref name="ids"/>, and every artifact it names exists with the recorded hash, size and stamp.</summary>
    private static void AssertManifestNamesExistingArtifacts(string outDir, string[] ids)
    {
        var manifestPath = Path.Combine(outDir, ManifestWriter.FileName);
        Assert.True(File.Exists(manifestPath), "no manifest.json");
        var routes = JsonDocument.Parse(File.ReadAllText(manifestPath)).RootElement.GetProperty("routes").EnumerateArray().ToList();
        Assert.Equal(ids, routes.Select(r => r.GetProperty("id").GetString()));
        foreach (var route in routes)
        {
            var zip = Path.Combine(outDir, route.GetProperty("zip").GetString()!);
            var bootstrap = Path.Combine(outDir, route.GetProperty("bootstrap").GetString()!);
            Assert.True(File.Exists(zip) && File.Exists(bootstrap), $"{route.GetProperty("id")}: an artifact the manifest names is missing");
            Assert.Equal(route.GetProperty("zipSha256").GetString(), ManifestWriter.Sha256(zip));
            Assert.Equal(route.GetProperty("bootstrapBytes").GetInt64(), new FileInfo(bootstrap).Length);
            Assert.Equal(route.GetProperty("inputHash").GetString(), File.ReadAllText(Path.Combine(Path.GetDirectoryName(bootstrap)!, ".input-hash")));
        }

        Assert.False(Directory.Exists(Path.Combine(outDir, ArtifactPaths.StagingFolder)), "a staging folder was left behind");
    }
}
