using System.Text.Json;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>
/// A route file deleted after a build: the next build (a no-op for the remaining route, so no AOT publish) drops the
/// deleted route's entry project, artifacts and manifest entry, and nothing that is not the build's. It runs on a copy of
/// the built fixture app (hashes are path-independent, so the copy's artifacts are up to date) to leave the fixture whole.
/// </summary>
[Collection(BuiltAppCollection.Name)]
public sealed class DeletedRouteTests(BuiltAppFixture built)
{
    [Fact]
    public async Task A_deleted_routes_entry_project_and_artifacts_go_and_the_other_route_stays_cached()
    {
        built.AssertBuilt();
        var settle = await CliRun.RunAsync("build", built.AppDir);
        Assert.True(settle.ExitCode == 0, settle.Stderr);
        using var copy = CopyOfBuiltApp();
        var outDir = Path.Combine(copy.Dir, ".lambda-routes", "out");
        var entries = Path.Combine(copy.Dir, "obj", "lambda-routes");
        Assert.True(Directory.Exists(Path.Combine(entries, "ApiHello")), "the fixture build left no entry project to remove");
        Assert.True(Directory.Exists(Path.Combine(outDir, "ApiHello")), "the fixture build left no artifacts to remove");
        var itemsZip = Path.Combine(outDir, "ApiItemsId.zip");
        var itemsZipWritten = File.GetLastWriteTimeUtc(itemsZip);
        // Not the build's: a folder without a generated project beside the entries, the app's own obj/, a file in out/.
        copy.Write("obj/lambda-routes/ApiNotes/notes.txt", "mine");
        copy.Write("obj/keep.txt", "mine");
        copy.Write(".lambda-routes/out/ApiOld.zip", "mine");

        File.Delete(Path.Combine(copy.Dir, "api", "hello.cs"));
        var rebuild = await CliRun.RunAsync("build", copy.Dir);

        Assert.True(rebuild.ExitCode == 0, rebuild.Stdout + rebuild.Stderr);
        Assert.False(rebuild.Stdout.Contains("compiling", StringComparison.Ordinal), rebuild.Stdout);
        Assert.Contains("0 built, 1 cached, 0 failed", rebuild.Stdout);
        Assert.Contains("removed the output of route(s) no longer in the app: ApiHello", rebuild.Stdout);
        Assert.Equal(itemsZipWritten, File.GetLastWriteTimeUtc(itemsZip));
        Assert.False(Directory.Exists(Path.Combine(entries, "ApiHello")));
        Assert.False(Directory.Exists(Path.Combine(outDir, "ApiHello")));
        Assert.False(File.Exists(Path.Combine(outDir, "ApiHello.zip")));
        Assert.True(File.Exists(Path.Combine(entries, "ApiItemsId", "ApiItemsId.csproj")));
        Assert.True(File.Exists(Path.Combine(outDir, "ApiItemsId", "bootstrap")));
        Assert.True(File.Exists(Path.Combine(entries, "restore.proj")));
        Assert.True(File.Exists(Path.Combine(entries, "ApiNotes", "notes.txt")));
        Assert.True(File.Exists(Path.Combine(copy.Dir, "obj", "keep.txt")));
        Assert.True(File.Exists(Path.Combine(outDir, "ApiOld.zip")));
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json"))).RootElement;
        Assert.Equal(["ApiItemsId"], manifest.GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_failed_build_removes_nothing()
    {
        built.AssertBuilt();
        var settle = await CliRun.RunAsync("build", built.AppDir);
        Assert.True(settle.ExitCode == 0, settle.Stderr);
        using var copy = CopyOfBuiltApp();
        var outDir = Path.Combine(copy.Dir, ".lambda-routes", "out");
        var manifestBefore = File.ReadAllText(Path.Combine(outDir, "manifest.json"));

        File.Delete(Path.Combine(copy.Dir, "api", "hello.cs"));
        copy.Write("api/_lib/Broken.cs", "namespace Shop.Api.Lib; internal static class Broken { public static int X => notDeclared; }");
        var rebuild = await CliRun.RunAsync("build", copy.Dir);

        Assert.Equal(1, rebuild.ExitCode);
        Assert.True(Directory.Exists(Path.Combine(copy.Dir, "obj", "lambda-routes", "ApiHello")));
        Assert.True(File.Exists(Path.Combine(outDir, "ApiHello", "bootstrap")));
        Assert.True(File.Exists(Path.Combine(outDir, "ApiHello.zip")));
        Assert.Equal(manifestBefore, File.ReadAllText(Path.Combine(outDir, "manifest.json")));
    }

    /// <summary>
    /// The fixture app's sources and output, and its entry projects without their publish intermediates (hundreds of MB):
    /// enough for a build whose routes are all cached.
    /// </summary>
    private TempApp CopyOfBuiltApp()
    {
        var copy = new TempApp("Shop", withProject: false);
        foreach (var file in Directory.EnumerateFiles(built.AppDir, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(built.AppDir, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            var wanted = parts[0] switch
            {
                "bin" => false,
                "obj" => parts.Length == 3 && parts[1] == "lambda-routes" || parts.Length == 4 && parts[1] == "lambda-routes" && parts[3] == parts[2] + ".csproj",
                _ => true,
            };
            if (wanted)
            {
                var target = Path.Combine(copy.Dir, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        return copy;
    }
}
