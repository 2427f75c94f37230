using LambdaRoutes.Packager.Routing;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Routing;

/// <summary>Next's 20-route sorter fixture (Next.js test/unit/page-route-sorter.test.ts), under /api, as real files in a temp app.</summary>
public sealed class SorterFixtureTests
{
    private static readonly string[] FilesUnordered =
    [
        "api/posts.cs", "api/[root-slug].cs", "api/index.cs", "api/posts/[id].cs", "api/blog/[id]/comments/[cid].cs",
        "api/blog/abc/[id].cs", "api/[...rest].cs", "api/blog/abc/post.cs", "api/blog/abc.cs", "api/p1/[[...incl]].cs",
        "api/p/[...rest].cs", "api/p2/[...rest].cs", "api/p2/[id].cs", "api/p2/[id]/abc.cs", "api/p3/[[...rest]].cs",
        "api/p3/[id].cs", "api/p3/[id]/abc.cs", "api/blog/[id].cs", "api/foo/[d]/bar/baz/[f].cs", "api/apples/[ab]/[cd]/ef.cs",
    ];

    private static readonly string[] ExpectedOrder =
    [
        "/api", "/api/apples/[ab]/[cd]/ef", "/api/blog/abc", "/api/blog/abc/post", "/api/blog/abc/[id]", "/api/blog/[id]",
        "/api/blog/[id]/comments/[cid]", "/api/foo/[d]/bar/baz/[f]", "/api/p/[...rest]", "/api/p1/[[...incl]]", "/api/p2/[id]",
        "/api/p2/[id]/abc", "/api/p2/[...rest]", "/api/p3/[id]", "/api/p3/[id]/abc", "/api/p3/[[...rest]]", "/api/posts",
        "/api/posts/[id]", "/api/[root-slug]", "/api/[...rest]",
    ];

    [Fact]
    public void Sorts_the_twenty_route_fixture_in_Next_order()
    {
        using var app = new TempApp().Routes(FilesUnordered);

        var table = RouteDiscovery.Discover(app.Dir);

        // The fixture puts [x] beside [...x] twice: fine for Next and an HTTP API, so only REST warnings (LR1101) may appear.
        Assert.All(table.Diagnostics, d => Assert.Equal("LR1101", d.Code));
        Assert.False(table.HasErrors);
        Assert.Equal(ExpectedOrder, table.Routes.Select(r => r.Route));
    }

    [Fact]
    public void Gives_every_fixture_route_a_distinct_readable_id_and_its_gateway_paths()
    {
        using var app = new TempApp().Routes(FilesUnordered);

        var routes = RouteDiscovery.Discover(app.Dir).Routes.ToDictionary(r => r.Route);

        Assert.Equal(20, routes.Values.Select(r => r.Id).Distinct().Count());
        Assert.Equal("Api", routes["/api"].Id);
        Assert.Equal("ApiRootSlug", routes["/api/[root-slug]"].Id);
        Assert.Equal("ApiRestCatchAll", routes["/api/[...rest]"].Id);
        Assert.Equal("ApiP3RestOptionalCatchAll", routes["/api/p3/[[...rest]]"].Id);
        Assert.Equal(["/api/blog/{id}/comments/{cid}"], routes["/api/blog/[id]/comments/[cid]"].Paths);
        Assert.Equal(["/api/{proxy+}"], routes["/api/[...rest]"].Paths);
        Assert.Equal(["/api/p1", "/api/p1/{proxy+}"], routes["/api/p1/[[...incl]]"].Paths);
    }
}
