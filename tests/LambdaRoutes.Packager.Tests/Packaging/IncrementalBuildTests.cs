using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>
/// Incremental builds on the fixture app. One test walks the three steps in order; every edit only appends a comment,
/// so the rebuilt binaries behave as before and the other tests of the collection are unaffected whatever the order.
/// </summary>
[Collection(BuiltAppCollection.Name)]
public sealed class IncrementalBuildTests(BuiltAppFixture built)
{
    [Fact]
    public async Task No_op_rebuilds_nothing_a_changed_route_rebuilds_itself_a_changed_shared_file_rebuilds_its_users()
    {
        built.AssertBuilt();
        var manifest = Path.Combine(built.OutDir, "manifest.json");
        var helloZip = Path.Combine(built.OutDir, "ApiHello.zip");

        // 0. Settle: the runtime project is an input too, and in a shared checkout it may have changed since the fixture built.
        var settle = await CliRun.RunAsync("build", built.AppDir);
        Assert.True(settle.ExitCode == 0, settle.Stderr);

        // 1. Nothing changed: no dotnet work at all (no compile stage), every route cached, the manifest rewritten the same.
        var before = File.ReadAllText(manifest);
        var noop = await CliRun.RunAsync("build", built.AppDir);
        Assert.Equal(0, noop.ExitCode);
        Assert.False(noop.Stdout.Contains("compiling", StringComparison.Ordinal), noop.Stdout);
        Assert.Contains("0 built, 2 cached, 0 failed", noop.Stdout);
        Assert.Equal(before, File.ReadAllText(manifest));

        // 2. One route file changed: that route only.
        var helloZipWrite = File.GetLastWriteTimeUtc(helloZip);
        File.AppendAllText(Path.Combine(built.AppDir, "api", "items", "[id].cs"), "\n// touched by a test\n");
        var one = await CliRun.RunAsync("build", built.AppDir);
        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.Contains("built ApiItemsId in", one.Stdout);
        Assert.False(one.Stdout.Contains("built ApiHello in", StringComparison.Ordinal), one.Stdout);
        Assert.Contains("1 built, 1 cached, 0 failed", one.Stdout);
        Assert.Equal(helloZipWrite, File.GetLastWriteTimeUtc(helloZip));

        // 3. The shared _lib file both routes use changed: both rebuilt.
        File.AppendAllText(Path.Combine(built.AppDir, "api", "_lib", "Catalog.cs"), "\n// touched by a test\n");
        var shared = await CliRun.RunAsync("build", built.AppDir);
        Assert.True(shared.ExitCode == 0, shared.Stderr);
        Assert.Contains("2 built, 0 cached, 0 failed", shared.Stdout);
        Assert.True(File.Exists(manifest));
    }
}
