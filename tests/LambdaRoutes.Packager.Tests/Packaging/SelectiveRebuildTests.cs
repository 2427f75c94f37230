using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>
/// Rebuild only what a change reaches, through the real pipeline (discovery, source closure, hashing, stamps, manifest) on
/// an app on disk, with stand-in dotnet steps so that each case takes milliseconds. Each route uses shared code in a
/// different way: a plain call, an extension method, a base class, a type serialised by the JSON context every route gets.
/// </summary>
public sealed class SelectiveRebuildTests
{
    private static TempApp CreateApp()
    {
        var app = new TempApp("Lib");
        app.Write("AppJson.cs", """
            using System.Text.Json.Serialization;
            namespace Lib;
            [JsonSerializable(typeof(Lib.Api.Shared.Order))]
            public sealed partial class AppJson : JsonSerializerContext;
            """);
        app.Write("api/_lib/Order.cs", "namespace Lib.Api.Shared;\npublic sealed record Order(string Id);\n");
        app.Write("api/_lib/Greeting.cs", "namespace Lib.Api.Shared;\npublic static class Greeting { public static string Hello(string name) => \"hello \" + name; }\n");
        app.Write("api/_lib/Clock.cs", "namespace Lib.Api.Shared;\npublic static class Clock { public static long Now() => 42; }\n");
        app.Write("api/_lib/Shouting.cs", "namespace Lib.Api.Shared;\npublic static class Shouting { public static string Shout(this string text) => text.ToUpperInvariant(); }\n");
        app.Write("api/_lib/RouteBase.cs", """
            namespace Lib.Api.Shared;
            public abstract class RouteBase
            {
                public Task HandleAsync(LambdaRoutes.ApiRequest req, LambdaRoutes.ApiResponse res) => Task.CompletedTask;
            }
            """);
        app.Write("api/_lib/Unused.cs", "namespace Lib.Api.Shared;\npublic static class Unused { public static int Zero() => 0; }\n");
        app.Write("api/greet.cs", Route("Greet", "_ = Greeting.Hello(\"x\");"));
        app.Write("api/time.cs", Route("Time", "_ = Clock.Now();"));
        app.Write("api/shout.cs", Route("Shout", "_ = \"x\".Shout();"));
        app.Write("api/derived.cs", "using Lib.Api.Shared;\nnamespace Lib.Api;\npublic sealed class Derived : RouteBase, LambdaRoutes.IApiRoute;\n");
        return app;
    }

    private static string Route(string name, string body) => $$"""
        using Lib.Api.Shared;
        namespace Lib.Api;
        public sealed class {{name}} : LambdaRoutes.IApiRoute
        {
            public Task HandleAsync(LambdaRoutes.ApiRequest req, LambdaRoutes.ApiResponse res)
            {
                {{body}}
                return Task.CompletedTask;
            }
        }
        """;

    /// <summary>Builds the app; returns the ids of the routes published and the "rebuilding …" lines.</summary>
    private static async Task<(IReadOnlyList<string> Built, IReadOnlyList<string> Lines)> BuildAsync(TempApp app)
    {
        var built = new List<string>();
        var reporter = new RecordingReporter { OnRouteFinished = b => { lock (built) built.Add(b.Route.Id); } };
        var errors = new StringWriter();
        Assert.True(await BuildPipeline.RunAsync(new BuildOptions(app.Dir, Jobs: 1), reporter, errors, steps: new StandInBuildSteps()) == 0, errors.ToString());
        return ([.. built.Order(StringComparer.Ordinal)], reporter.Lines);
    }

    private static async Task<TempApp> BuiltAppAsync()
    {
        var app = CreateApp();
        var (built, lines) = await BuildAsync(app);
        Assert.Equal(["ApiDerived", "ApiGreet", "ApiShout", "ApiTime"], built);
        Assert.Contains("rebuilding ApiGreet: first build", lines);
        Assert.Empty((await BuildAsync(app)).Built);
        return app;
    }

    [Fact]
    public async Task An_edit_of_a_lib_file_one_route_calls_rebuilds_that_route_only_and_says_why()
    {
        using var app = await BuiltAppAsync();
        File.AppendAllText(Path.Combine(app.Dir, "api/_lib/Greeting.cs"), "// edited\n");

        var (built, lines) = await BuildAsync(app);

        Assert.Equal(["ApiGreet"], built);
        Assert.Contains("rebuilding ApiGreet: api/_lib/Greeting.cs changed", lines);
    }

    [Fact]
    public async Task An_edit_of_an_extension_method_rebuilds_the_route_that_calls_it()
    {
        using var app = await BuiltAppAsync();
        File.AppendAllText(Path.Combine(app.Dir, "api/_lib/Shouting.cs"), "// edited\n");

        Assert.Equal(["ApiShout"], (await BuildAsync(app)).Built);
    }

    [Fact]
    public async Task An_edit_of_a_base_class_rebuilds_the_route_that_derives_from_it()
    {
        using var app = await BuiltAppAsync();
        File.AppendAllText(Path.Combine(app.Dir, "api/_lib/RouteBase.cs"), "// edited\n");

        Assert.Equal(["ApiDerived"], (await BuildAsync(app)).Built);
    }

    [Fact]
    public async Task An_edit_of_a_type_the_json_context_serialises_rebuilds_every_route()
    {
        using var app = await BuiltAppAsync();
        File.WriteAllText(Path.Combine(app.Dir, "api/_lib/Order.cs"), "namespace Lib.Api.Shared;\npublic sealed record Order(string Id, int Quantity);\n");

        var (built, lines) = await BuildAsync(app);

        Assert.Equal(["ApiDerived", "ApiGreet", "ApiShout", "ApiTime"], built);
        Assert.Contains("rebuilding ApiTime: api/_lib/Order.cs changed", lines);
    }

    [Fact]
    public async Task An_edit_of_code_no_route_reaches_rebuilds_nothing()
    {
        using var app = await BuiltAppAsync();
        File.AppendAllText(Path.Combine(app.Dir, "api/_lib/Unused.cs"), "// edited\n");

        Assert.Empty((await BuildAsync(app)).Built);
    }

    [Fact]
    public async Task A_route_that_starts_using_a_lib_file_rebuilds_and_names_it()
    {
        using var app = await BuiltAppAsync();
        app.Write("api/time.cs", Route("Time", "_ = Clock.Now() + Unused.Zero();"));

        var (built, lines) = await BuildAsync(app);

        Assert.Equal(["ApiTime"], built);
        Assert.Contains("rebuilding ApiTime: api/time.cs changed, now uses api/_lib/Unused.cs", lines);
    }

    [Fact]
    public async Task A_project_file_edit_rebuilds_every_route()
    {
        using var app = await BuiltAppAsync();
        File.WriteAllText(Path.Combine(app.Dir, "Lib.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><Optimize>true</Optimize></PropertyGroup>\n</Project>\n");

        var (built, lines) = await BuildAsync(app);

        Assert.Equal(["ApiDerived", "ApiGreet", "ApiShout", "ApiTime"], built);
        Assert.Contains("rebuilding ApiShout: Lib.csproj changed", lines);
    }

    [Theory]
    [InlineData("global using Lib.Api.Shared;\n")]
    [InlineData("[assembly: System.Reflection.AssemblyMetadata(\"k\", \"v\")]\n")]
    [InlineData("namespace Lib.Api.Shared;\nstatic class Init { [System.Runtime.CompilerServices.ModuleInitializer] internal static void Run() { } }\n")]
    public async Task A_new_file_that_can_affect_code_it_does_not_name_rebuilds_every_route(string text)
    {
        using var app = await BuiltAppAsync();
        app.Write("api/_lib/Everywhere.cs", text);

        Assert.Equal(["ApiDerived", "ApiGreet", "ApiShout", "ApiTime"], (await BuildAsync(app)).Built);
    }
}
