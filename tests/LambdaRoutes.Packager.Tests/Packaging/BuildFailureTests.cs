using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>Builds that must fail, fast (before any AOT publish), with an exit code and a message that says what to fix.</summary>
public sealed class BuildFailureTests
{
    private static TempApp BrokenApp()
    {
        var app = ShopApp.Create("Broken");
        app.Write("api/broken.cs", """
            using LambdaRoutes;

            namespace Shop.Api;

            public sealed class Broken : IApiRoute
            {
                public Task HandleAsync(ApiRequest req, ApiResponse res) { res.Send(notDeclared); return Task.CompletedTask; }
            }
            """);
        return app;
    }

    [Fact]
    public async Task A_compile_error_names_file_line_and_the_route_it_broke_and_leaves_the_old_manifest_alone()
    {
        using var app = BrokenApp();
        var outDir = Path.Combine(app.Dir, ".lambda-routes", "out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "manifest.json"), "{\"stale\": true}");

        var result = await CliRun.RunAsync("build", app.Dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("api/broken.cs:7: error CS0103: The name 'notDeclared' does not exist in the current context (breaks /api/broken)", result.Stderr);
        // A failed build leaves the previous output as it was (here a placeholder manifest) and stages nothing.
        Assert.Contains("the previous manifest and artifacts are unchanged", result.Stderr);
        Assert.Equal("{\"stale\": true}", File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        Assert.False(File.Exists(Path.Combine(outDir, "ApiBroken.zip")));
        Assert.False(Directory.Exists(Path.Combine(outDir, ".staging")));
    }

    [Fact]
    public async Task A_broken_symlink_among_shared_sources_is_a_compile_error_naming_it_not_a_crash()
    {
        using var app = ShopApp.Create("BrokenLink");
        Directory.CreateDirectory(Path.Combine(app.Dir, "api", "_lib"));
        File.CreateSymbolicLink(Path.Combine(app.Dir, "api", "_lib", "Gone.cs"), "/nonexistent/Gone.cs");

        var result = await CliRun.RunAsync("build", app.Dir);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("Unhandled exception", result.Stderr + result.Stdout);
        Assert.Contains("CS2001", result.Stderr);
        Assert.Contains("Gone.cs", result.Stderr);
    }

    [Fact]
    public async Task Arm64_fails_with_a_clear_message_when_its_packages_cannot_be_had()
    {
        using var app = ShopApp.Create("Arm");

        var result = await CliRun.RunAsync("build", app.Dir, "--arch", "arm64");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error LR3004: Native AOT for linux-arm64 (arm64, net8.0) needs packages the configured NuGet sources do not serve:", result.Stderr);
        Assert.Contains("runtime.linux-arm64.Microsoft.DotNet.ILCompiler", result.Stderr);
    }

    [Fact]
    public async Task A_route_conflict_stops_the_build_before_any_dotnet_work()
    {
        using var app = ShopApp.Create("Conflict");
        app.Route("api/items/[slug].cs");

        var result = await CliRun.RunAsync("build", app.Dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error LR1001: You cannot use different slug names for the same dynamic path ('id' !== 'slug').", result.Stderr);
        Assert.DoesNotContain("compiling", result.Stdout);
        Assert.False(Directory.Exists(Path.Combine(app.Dir, "obj")));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("no-api")]
    public async Task Bad_app_folders_fail_the_build_with_their_code(string kind)
    {
        using var app = new TempApp();
        var dir = kind == "missing" ? Path.Combine(app.Dir, "nope") : app.Dir;

        var result = await CliRun.RunAsync("build", dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(kind == "missing" ? "error LR0001" : "error LR0002", result.Stderr);
    }
}
