using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Routing;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>
/// The generated entry project is golden-tested: the expected files live in Snapshots/ and are compared
/// byte for byte. A deliberate template change means updating the snapshot in the same commit.
/// </summary>
public sealed class EntryProjectGoldenTests
{
    /// <summary>
    /// Compares with Snapshots/name. With UPDATE_SNAPSHOTS=1 the actual text is written to the source folder instead,
    /// for a reviewer to read in the diff (the way Verify-style snapshot tools work).
    /// </summary>
    private static void AssertSnapshot(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Path.Combine(RepoPaths.Root, "tests", "LambdaRoutes.Packager.Tests", "Snapshots", name), actual);
            return;
        }

        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", name)), actual);
    }

    private static (RouteTable Table, RouteEntry Route) Discover(TempApp app, string route)
    {
        var table = RouteDiscovery.Discover(app.Dir);
        Assert.False(table.HasErrors, string.Join("\n", table.Diagnostics));
        return (table, table.Routes.Single(r => r.Route == route));
    }

    [Fact]
    public void Program_of_a_route_with_settings_and_the_apps_json_context()
    {
        using var app = ShopApp.Create();
        var (table, route) = Discover(app, "/api/items/[id]");

        var entry = EntryProjectWriter.Create(table, route, new BuildOptions(app.Dir));

        AssertSnapshot("ApiItemsId.Program.cs.txt", entry.ProgramText);
        AssertSnapshot("ApiItemsId.csproj.txt", entry.ProjectText);
        Assert.Equal(Path.Combine(app.Dir, "obj", "lambda-routes", "ApiItemsId", "ApiItemsId.csproj"), entry.ProjectPath);
    }

    [Fact]
    public void Program_of_a_route_in_an_app_without_json_context()
    {
        using var app = new TempApp("Plain").Route("api/docs/[[...slug]].cs", "[LambdaRoutes.RouteConfig(BodyParser = false, BodySizeLimit = \"500kb\")]");
        var (table, route) = Discover(app, "/api/docs/[[...slug]]");

        var entry = EntryProjectWriter.Create(table, route, new BuildOptions(app.Dir, Framework: "net9.0"));

        Assert.Null(table.JsonContext);
        AssertSnapshot("ApiDocsSlugOptionalCatchAll.Program.cs.txt", entry.ProgramText);
        Assert.Contains("<TargetFramework>net9.0</TargetFramework>", entry.ProjectText);
        Assert.Contains("<ProjectReference Include=\"../../../Plain.csproj\" />", entry.ProjectText);
    }

    [Fact]
    public void Combined_program_of_single_binary_mode_switches_on_the_route_id()
    {
        using var app = ShopApp.Create();
        var table = RouteDiscovery.Discover(app.Dir);

        var entry = EntryProjectWriter.CreateCombined(table, new BuildOptions(app.Dir, Mode: BuildMode.Single));

        AssertSnapshot("AllRoutes.Program.cs.txt", entry.ProgramText);
        Assert.Equal(Path.Combine(app.Dir, "obj", "lambda-routes", "AllRoutes", "AllRoutes.csproj"), entry.ProjectPath);
    }

    [Fact]
    public void Program_of_a_verb_style_streaming_route_maps_each_exported_method_as_a_method_group()
    {
        using var app = new TempApp("Verbs").Write("api/events/[id].cs", """
            using LambdaRoutes;
            namespace Verbs.Api;
            [RouteConfig(Streaming = true, BodySizeLimit = "10kb", Cors = "https://app.example.com")]
            public static class Events
            {
                public static RouteResult GET(ApiRequest req, ParamMap p) => NextResponse.NotFound();
                public static Task<RouteResult> POST(ApiRequest req) => Task.FromResult(NextResponse.NoContent());
            }
            """);
        var (table, route) = Discover(app, "/api/events/[id]");

        var entry = EntryProjectWriter.Create(table, route, new BuildOptions(app.Dir));

        Assert.Equal(["GET", "POST"], route.Methods);
        Assert.True(route.Settings.Streaming);
        AssertSnapshot("ApiEventsId.Program.cs.txt", entry.ProgramText);
    }

    [Fact]
    public void A_verb_style_route_without_a_declared_limit_passes_none_to_the_runtime_and_the_manifest_shows_none()
    {
        using var app = new TempApp("Verbs").Write("api/hook.cs", """
            using LambdaRoutes;
            namespace Verbs.Api;
            public static class Hook
            {
                public static RouteResult POST(ApiRequest req) => NextResponse.NoContent();
            }
            """);
        var (table, route) = Discover(app, "/api/hook");

        var entry = EntryProjectWriter.Create(table, route, new BuildOptions(app.Dir));
        var settings = System.Text.Json.JsonSerializer.Serialize(LambdaRoutes.Packager.Output.ManifestRoutes.SettingsOf(route.Settings),
            LambdaRoutes.Contracts.Manifest.ManifestJson.Readable.ManifestSettings);

        Assert.DoesNotContain("BodySizeLimit", entry.ProgramText);
        Assert.Contains("BodyParser = true,", entry.ProgramText);
        Assert.DoesNotContain("bodySizeLimit", settings);
    }
}
