using LambdaRoutes.Cdk;
using LambdaRoutes.Packager.Routing;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Routing;

/// <summary>
/// Every conflict case of Next.js test/unit/page-route-sorter.test.ts and test/integration/dynamic-optional-routing, under /api, with the exact canonical message.
/// Each bad tree must report its error, name the offending files, and produce no routes.
/// </summary>
public sealed class ConflictTests
{
    public static TheoryData<string[], string, string> Cases => new()
    {
        // Next.js test/unit/page-route-sorter.test.ts
        { ["api/blog/[id].cs", "api/blog/[cid].cs"], "LR1001", "You cannot use different slug names for the same dynamic path ('cid' !== 'id')." },
        { ["api/blog/[id]/comments/[id].cs"], "LR1002", "You cannot have the same slug name \"id\" repeat within a single dynamic path." },
        { ["api/blog/[id].cs", "api/blog/[id]/[...id].cs"], "LR1002", "You cannot have the same slug name \"id\" repeat within a single dynamic path." },
        { ["api/blog/[...id]/abc.cs"], "LR1004", "Catch-all must be the last part of the URL." },
        { ["api/blog/[...id]/[...id2].cs"], "LR1004", "Catch-all must be the last part of the URL." },
        { ["api/blog/[....id]/abc.cs"], "LR1005", "Segment names may not start with erroneous periods ('.id')." },
        { ["api/blog/[..id].cs"], "LR1005", "Segment names may not start with erroneous periods ('..id')." },
        { ["api/blog/[[...id].cs"], "LR1006", "Segment names may not start or end with extra brackets ('[...id')." },
        { ["api/blog/[...id]].cs"], "LR1006", "Segment names may not start or end with extra brackets ('id]')." },
        { ["api/blog/[[[...id]]].cs"], "LR1006", "Segment names may not start or end with extra brackets ('[...id]')." },
        { ["api/[[blog]].cs"], "LR1007", "Optional route parameters are not yet supported (\"[[blog]]\")." },
        { ["api/[...one].cs", "api/[[...one]].cs"], "LR1008", "You cannot use both a required and optional catch-all route at the same level (\"[...one]\" and \"[[...one]]\")." },
        { ["api/sub.cs", "api/sub/[[...all]].cs"], "LR1009", "You cannot define a route with the same specificity as an optional catch-all route (\"/api/sub\" and \"/api/sub/[[...all]]\")." },
        { ["api/index.cs", "api/[[...all]].cs"], "LR1009", "You cannot define a route with the same specificity as an optional catch-all route (\"/api\" and \"/api/[[...all]]\")." },
        { ["api/blog/[helloworld]/[hello-world].cs"], "LR1003", "You cannot have the slug names \"helloworld\" and \"hello-world\" differ only by non-word symbols within a single dynamic path." },
        { ["api/blog/[…slug].cs"], "LR1010", "Detected a three-dot character ('…') at ('…slug'). Did you mean ('...')?" },

        // Next.js test/integration/dynamic-optional-routing
        { ["api/post/index.cs", "api/post/[[...slug]].cs"], "LR1009", "You cannot define a route with the same specificity as an optional catch-all route (\"/api/post\" and \"/api/post/[[...slug]]\")." },
        { ["api/nested/[...param].cs", "api/nested/[[...optionalName]].cs"], "LR1008", "You cannot use both a required and optional catch-all route at the same level (\"[...param]\" and \"[[...optionalName]]\")." },
        { ["api/invalid/[[param]].cs"], "LR1007", "Optional route parameters are not yet supported (\"[[param]]\")." },

        // Ours: one Lambda per path cannot let walk order pick a file (Next only warns).
        { ["api/users.cs", "api/users/index.cs"], "LR1011", "Duplicate page detected. api/users.cs and api/users/index.cs both resolve to /api/users." },
        { ["api/(a)/stats.cs", "api/stats.cs"], "LR1011", "Duplicate page detected. api/stats.cs and api/(a)/stats.cs both resolve to /api/stats." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_the_conflict_with_Nexts_text(string[] files, string code, string message)
    {
        using var app = new TempApp().Routes(files);

        var table = RouteDiscovery.Discover(app.Dir);

        var error = Assert.Single(table.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
        Assert.All(error.Locations, l => Assert.StartsWith("api/", l.File));
        Assert.True(table.HasErrors);
        Assert.Empty(table.Routes);
    }

    [Fact]
    public void Reports_every_conflict_in_one_run()
    {
        using var app = new TempApp().Routes("api/blog/[id].cs", "api/blog/[cid].cs", "api/[[blog]].cs", "api/sub.cs", "api/sub/[[...all]].cs");

        var codes = RouteDiscovery.Discover(app.Dir).Diagnostics.Select(d => d.Code).Order();

        Assert.Equal(["LR1001", "LR1007", "LR1009"], codes);
    }

    [Fact]
    public void Names_both_files_of_a_slug_name_conflict()
    {
        using var app = new TempApp().Routes("api/[id]/a.cs", "api/[slug]/b.cs");

        var error = Assert.Single(RouteDiscovery.Discover(app.Dir).Diagnostics);

        Assert.Equal("You cannot use different slug names for the same dynamic path ('id' !== 'slug').", error.Message);
        Assert.Equal(["api/[id]/a.cs", "api/[slug]/b.cs"], error.Locations.Select(l => l.File));
    }

    [Theory]
    [InlineData("api/users/[...rest].cs")]
    [InlineData("api/users/[[...rest]].cs")]
    public void A_variable_beside_a_greedy_sibling_fails_on_REST_and_warns_on_HTTP(string greedyFile)
    {
        using var app = new TempApp().Routes("api/users/[id].cs", greedyFile);

        var rest = RouteDiscovery.Discover(app.Dir, new DiscoveryOptions(ApiKind.Rest));
        var http = RouteDiscovery.Discover(app.Dir, new DiscoveryOptions(ApiKind.Http));

        var error = Assert.Single(rest.Diagnostics);
        Assert.True(error.IsError);
        Assert.Equal("LR1101", error.Code);
        Assert.Contains("only one variable child per resource", error.Message);
        Assert.Contains("\"/api/users/[id]\"", error.Message);
        Assert.Empty(rest.Routes);

        var warning = Assert.Single(http.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Equal(2, http.Routes.Count);
    }

    [Fact]
    public void Private_files_and_folders_are_not_routes_and_groups_are_dropped()
    {
        using var app = new TempApp()
            .Routes("api/hello.cs", "api/(admin)/stats.cs", "api/_lib/Db.cs", "api/_draft.cs", "api/users/index.cs")
            .Write("api/_lib/Helpers.cs", "namespace X; internal static class Helpers { }");

        var table = RouteDiscovery.Discover(app.Dir);

        Assert.Empty(table.Diagnostics);
        Assert.Equal(["/api/hello", "/api/stats", "/api/users"], table.Routes.Select(r => r.Route));
        Assert.Equal("api/(admin)/stats.cs", table.Routes[1].File);
    }
}
