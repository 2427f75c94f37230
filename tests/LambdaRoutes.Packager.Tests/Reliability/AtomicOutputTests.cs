using System.Text.Json;
using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Tests.Packaging;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Reliability;

/// <summary>
/// Atomic outputs: after a good build, a build that fails (compile error) or is interrupted halfway (one route
/// published, the next cancelled) leaves the previous manifest and every artifact it names exactly as they were — the
/// zips still match the manifest's SHA-256 — and nothing staged but the route that finished. That route is reported while
/// the other still publishes (real ILCompiler: the marker comes after CopyNativeBinary), so the cancel really stops a publish.
/// </summary>
[Collection(BuiltAppCollection.Name)]
public sealed class AtomicOutputTests(BuiltAppFixture built)
{
    /// <summary>A reporter that cancels the build as soon as the first route has finished publishing.</summary>
    private sealed class CancelAfterFirstRoute(CancellationTokenSource cancel) : IBuildReporter
    {
        public int Finished;

        public string? First;

        public void Info(string line) { }

        public Task ShowWhileAsync(IReadOnlyList<RouteBuild> builds, Func<Task> work) => work();

        public void RouteStarted(RouteBuild build) { }

        public void RouteFinished(RouteBuild build)
        {
            if (Interlocked.Increment(ref Finished) == 1)
            {
                First = build.Route.Id;
                cancel.Cancel();
            }
        }

        public void Summary(IReadOnlyList<RouteBuild> builds, TimeSpan total) { }
    }

    /// <summary>The manifest text and, for every route it names, that its zip's SHA-256 and sizes match the files on disk.</summary>
    private string AssertManifestMatchesArtifacts()
    {
        var text = File.ReadAllText(Path.Combine(built.OutDir, "manifest.json"));
        foreach (var route in JsonDocument.Parse(text).RootElement.GetProperty("routes").EnumerateArray())
        {
            var zip = Path.Combine(built.OutDir, route.GetProperty("zip").GetString()!);
            var bootstrap = Path.Combine(built.OutDir, route.GetProperty("bootstrap").GetString()!);
            Assert.Equal(route.GetProperty("zipSha256").GetString(), ManifestWriter.Sha256(zip));
            Assert.Equal(route.GetProperty("zipBytes").GetInt64(), new FileInfo(zip).Length);
            Assert.Equal(route.GetProperty("bootstrapBytes").GetInt64(), new FileInfo(bootstrap).Length);
        }
        Assert.False(Directory.Exists(Path.Combine(built.OutDir, ".staging")), "a staging folder was left behind");
        return text;
    }

    [Fact]
    public async Task A_failed_or_interrupted_build_leaves_the_previous_good_output_usable()
    {
        built.AssertBuilt();
        var settle = await CliRun.RunAsync("build", built.AppDir);
        Assert.True(settle.ExitCode == 0, settle.Stderr);
        var good = AssertManifestMatchesArtifacts();
        var items = Path.Combine(built.AppDir, "api", "items", "[id].cs");
        var hello = Path.Combine(built.AppDir, "api", "hello.cs");
        var itemsSource = File.ReadAllText(items);
        var helloSource = File.ReadAllText(hello);
        try
        {
            // 1. One route changed for the better, another broken: the compile fails, nothing of the old output moves.
            File.AppendAllText(items, "\n// a good change\n");
            File.WriteAllText(hello, helloSource + "\ninternal static class Oops { public static int X => notDeclared; }\n");
            var broken = await CliRun.RunAsync("build", built.AppDir);
            Assert.Equal(1, broken.ExitCode);
            Assert.Contains("the previous manifest and artifacts are unchanged", broken.Stderr);
            Assert.Equal(good, AssertManifestMatchesArtifacts());

            // 2. Both routes changed validly, the build interrupted after the first publish: still the old output.
            File.WriteAllText(hello, helloSource + "\n// another good change\n");
            using var cancel = new CancellationTokenSource();
            var reporter = new CancelAfterFirstRoute(cancel);
            var options = new BuildOptions(built.AppDir, Jobs: 1);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => BuildPipeline.RunAsync(options, reporter, TextWriter.Null, cancel.Token).WaitAsync(TimeSpan.FromMinutes(8)));
            Assert.Equal(1, reporter.Finished);
            // The route that finished is staged whole (for the next build of these inputs); the other was stopped mid-publish.
            var staging = Path.Combine(built.OutDir, ".staging");
            var other = new[] { "ApiHello", "ApiItemsId" }.Single(id => id != reporter.First);
            var finished = new ArtifactPaths(staging, reporter.First!);
            Assert.True(finished.IsUpToDate(File.ReadAllText(finished.Stamp)));
            Assert.Equal([reporter.First, reporter.First + ".zip"], Directory.GetFileSystemEntries(staging).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.False(File.Exists(Path.Combine(built.AppDir, EntryProject.EntryRoot, other, "publish", "bootstrap")), $"{other} was published to the end");
            // The staged route is no part of the old manifest's output; the next build of other inputs clears it.
            Directory.Delete(staging, recursive: true);
            Assert.Equal(good, AssertManifestMatchesArtifacts());
        }
        finally
        {
            File.WriteAllText(items, itemsSource);
            File.WriteAllText(hello, helloSource);
        }

        // 3. The next build with the sources restored is a no-op: every old artifact is still the current one.
        var after = await CliRun.RunAsync("build", built.AppDir);
        Assert.True(after.ExitCode == 0, after.Stderr);
        Assert.Contains("0 built, 2 cached, 0 failed", after.Stdout);
        Assert.Equal(good, AssertManifestMatchesArtifacts());
    }
}
