using System.Text.Json.Nodes;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>
/// <c>[RouteConfig(Architecture = ...)]</c> through the real pipeline (discovery, planning, entry projects, manifest) with
/// stand-in dotnet steps: the route's entry project targets its own runtime identifier and its manifest entry names its
/// architecture, while the manifest's top-level one stays the app's. A real arm64 AOT publish is Arm64BuildTests' job.
/// </summary>
public sealed class RouteArchitectureBuildTests
{
    [Fact]
    public async Task A_route_that_declares_arm64_is_built_for_linux_arm64_and_the_others_keep_the_apps_architecture()
    {
        using var app = new TempApp().Route("api/plain.cs").Route("api/graviton.cs", "[LambdaRoutes.RouteConfig(Architecture = \"arm64\")]");
        var options = new BuildOptions(app.Dir, Jobs: 1);

        await BuildAsync(options);

        Assert.Contains("<RuntimeIdentifier>linux-arm64</RuntimeIdentifier>", EntryProjectText(app, "ApiGraviton"));
        Assert.Contains("<RuntimeIdentifier>linux-x64</RuntimeIdentifier>", EntryProjectText(app, "ApiPlain"));
        var manifest = Manifest(options);
        Assert.Equal("x86_64", (string?)manifest["architecture"]);
        Assert.Equal([("ApiGraviton", "arm64"), ("ApiPlain", "x86_64")], RouteArchitectures(manifest));
    }

    [Fact]
    public async Task A_route_that_declares_x86_64_stays_x86_64_in_an_arm64_app()
    {
        using var app = new TempApp().Route("api/plain.cs").Route("api/intel.cs", "[LambdaRoutes.RouteConfig(Architecture = \"x86_64\")]");
        var options = new BuildOptions(app.Dir, Architecture: Architecture.Arm64, Jobs: 1);

        await BuildAsync(options);

        var manifest = Manifest(options);
        Assert.Equal("arm64", (string?)manifest["architecture"]);
        Assert.Equal([("ApiIntel", "x86_64"), ("ApiPlain", "arm64")], RouteArchitectures(manifest));
    }

    [Fact]
    public async Task Changing_a_routes_architecture_rebuilds_that_route_only()
    {
        using var app = new TempApp().Routes("api/a.cs", "api/b.cs");
        var options = new BuildOptions(app.Dir, Jobs: 1);
        Assert.Equal(0, await BuildPipeline.RunAsync(options, new RecordingReporter(), TextWriter.Null, steps: new StandInBuildSteps()));
        app.Route("api/b.cs", "[LambdaRoutes.RouteConfig(Architecture = \"arm64\")]");
        var steps = new StandInBuildSteps();

        Assert.Equal(0, await BuildPipeline.RunAsync(options, new RecordingReporter(), TextWriter.Null, steps: steps));

        Assert.Equal(1, steps.Publishes);
        Assert.Contains("<RuntimeIdentifier>linux-arm64</RuntimeIdentifier>", EntryProjectText(app, "ApiB"));
    }

    [Fact]
    public async Task Single_binary_mode_refuses_routes_of_different_architectures_before_building_anything()
    {
        using var app = new TempApp().Route("api/plain.cs").Route("api/graviton.cs", "[LambdaRoutes.RouteConfig(Architecture = \"arm64\")]");
        var options = new BuildOptions(app.Dir, Mode: BuildMode.Single);
        var steps = new StandInBuildSteps();
        var errors = new StringWriter();

        Assert.Equal(1, await BuildPipeline.RunAsync(options, new RecordingReporter(), errors, steps: steps));

        Assert.Equal(
            "error LR3006: --mode single builds one binary for all routes, but they need different architectures " +
            "(x86_64: api/plain.cs; arm64: api/graviton.cs). Build one binary per route (the default --mode per-route), or give every route the same architecture.",
            errors.ToString().Trim());
        Assert.Equal((0, 0), (steps.Compiles, steps.Publishes));
        Assert.False(File.Exists(Path.Combine(options.ResolvedOutDir, ManifestWriter.FileName)));
    }

    [Fact]
    public async Task Single_binary_mode_builds_for_the_one_architecture_every_route_declares()
    {
        const string arm64 = "[LambdaRoutes.RouteConfig(Architecture = \"arm64\")]";
        using var app = new TempApp().Route("api/a.cs", arm64).Route("api/b.cs", arm64);
        var options = new BuildOptions(app.Dir, Mode: BuildMode.Single);

        await BuildAsync(options);

        Assert.Contains("<RuntimeIdentifier>linux-arm64</RuntimeIdentifier>", EntryProjectText(app, EntryProjectWriter.CombinedId));
        Assert.Equal([("ApiA", "arm64"), ("ApiB", "arm64")], RouteArchitectures(Manifest(options)));
    }

    private static async Task BuildAsync(BuildOptions options)
    {
        var errors = new StringWriter();
        Assert.True(await BuildPipeline.RunAsync(options, new RecordingReporter(), errors, steps: new StandInBuildSteps()) == 0, errors.ToString());
    }

    private static IEnumerable<(string Id, string Architecture)> RouteArchitectures(JsonObject manifest) =>
        manifest["routes"]!.AsArray().Select(r => ((string)r!["id"]!, (string)r["architecture"]!)).OrderBy(r => r.Item1, StringComparer.Ordinal);

    private static string EntryProjectText(TempApp app, string id) =>
        File.ReadAllText(Path.Combine(EntryProject.DirFor(app.Dir, id), $"{id}.csproj"));

    private static JsonObject Manifest(BuildOptions options) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(options.ResolvedOutDir, ManifestWriter.FileName)))!.AsObject();
}
