using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Routing;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>
/// Which app files a route reaches, for uses that name no file directly: the other part of a partial type, a user-defined
/// conversion, a foreach over an extension GetEnumerator, an attribute, a file reached only through another file, and a
/// name the analysis cannot bind (a package it does not reference) — each must reach its file, and a file the route does
/// not use must not.
/// </summary>
public sealed class SourceClosureTests
{
    private static IReadOnlySet<string> SourcesOfOnlyRoute(TempApp app)
    {
        var table = RouteDiscovery.Discover(app.Dir);
        Assert.False(table.HasErrors, string.Join("\n", table.Diagnostics));
        return InputHasher.Analyse(table).SourcesOf(Assert.Single(table.Routes));
    }

    private static TempApp AppWithRouteBody(string body, params (string File, string Text)[] lib)
    {
        var app = new TempApp("Closure");
        foreach (var (file, text) in lib.Append(("api/_lib/Unrelated.cs", "namespace Closure.Lib;\npublic static class Unrelated { public static int Zero() => 0; }\n")))
        {
            app.Write(file, text);
        }

        app.Write("api/route.cs", $$"""
            using Closure.Lib;
            namespace Closure.Api;
            public sealed class Route : LambdaRoutes.IApiRoute
            {
                public Task HandleAsync(LambdaRoutes.ApiRequest req, LambdaRoutes.ApiResponse res)
                {
                    {{body}}
                    return Task.CompletedTask;
                }
            }
            """);
        return app;
    }

    [Fact]
    public void Every_part_of_a_partial_type_is_reached()
    {
        using var app = AppWithRouteBody("_ = Parts.One();",
            ("api/_lib/PartOne.cs", "namespace Closure.Lib;\npublic static partial class Parts { public static int One() => Two(); }\n"),
            ("api/_lib/PartTwo.cs", "namespace Closure.Lib;\npublic static partial class Parts { static int Two() => 2; }\n"));

        Assert.Equal(["api/_lib/PartOne.cs", "api/_lib/PartTwo.cs", "api/route.cs"], SourcesOfOnlyRoute(app).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_conversion_operator_in_another_part_of_its_type_is_reached()
    {
        using var app = AppWithRouteBody("Meters m = Feet.Make(3); _ = m;",
            ("api/_lib/Feet.cs", "namespace Closure.Lib;\npublic readonly record struct Feet(double Value) { public static Feet Make(double v) => new(v); }\n"),
            ("api/_lib/Meters.cs", "namespace Closure.Lib;\npublic readonly record struct Meters(double Value);\n"),
            ("api/_lib/Conversions.cs", "namespace Closure.Lib;\npublic readonly partial record struct Meters { public static implicit operator Meters(Feet f) => new(f.Value * 0.3048); }\n"));

        Assert.Contains("api/_lib/Conversions.cs", SourcesOfOnlyRoute(app));
    }

    [Fact]
    public void An_extension_GetEnumerator_used_by_foreach_is_reached()
    {
        using var app = AppWithRouteBody("foreach (var i in new Bag()) { _ = i; }",
            ("api/_lib/Bag.cs", "namespace Closure.Lib;\npublic sealed class Bag { public int Count => 1; }\n"),
            ("api/_lib/BagEnumeration.cs", "namespace Closure.Lib;\npublic static class BagEnumeration { public static IEnumerator<int> GetEnumerator(this Bag bag) { yield return bag.Count; } }\n"));

        Assert.Contains("api/_lib/BagEnumeration.cs", SourcesOfOnlyRoute(app));
    }

    [Fact]
    public void An_attribute_and_what_its_file_uses_are_reached_transitively()
    {
        using var app = AppWithRouteBody("_ = typeof(Marked);",
            ("api/_lib/Marked.cs", "namespace Closure.Lib;\n[Audit]\npublic sealed class Marked;\n"),
            ("api/_lib/AuditAttribute.cs", "namespace Closure.Lib;\npublic sealed class AuditAttribute : Attribute { public int Level = Levels.Default; }\n"),
            ("api/_lib/Levels.cs", "namespace Closure.Lib;\npublic static class Levels { public const int Default = 1; }\n"));

        var sources = SourcesOfOnlyRoute(app);

        Assert.Contains("api/_lib/AuditAttribute.cs", sources);
        Assert.Contains("api/_lib/Levels.cs", sources);
        Assert.DoesNotContain("api/_lib/Unrelated.cs", sources);
    }

    [Fact]
    public void A_name_that_does_not_bind_reaches_every_app_declaration_of_that_name()
    {
        // Nothing.Known.Package is no assembly the analysis references: Format cannot bind, so any app Format may be meant.
        using var app = AppWithRouteBody("_ = Nothing.Known.Package.Format(Unbound.Value);",
            ("api/_lib/Formats.cs", "namespace Closure.Lib;\npublic static class Formats { public static string Format(int x) => x.ToString(); }\n"));

        var sources = SourcesOfOnlyRoute(app);

        Assert.Contains("api/_lib/Formats.cs", sources);
        Assert.DoesNotContain("api/_lib/Unrelated.cs", sources);
    }
}
