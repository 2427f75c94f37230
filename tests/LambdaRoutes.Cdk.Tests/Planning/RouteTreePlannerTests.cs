using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Manifest;
using LambdaRoutes.Cdk.Planning;

namespace LambdaRoutes.Cdk.Tests.Planning;

public sealed class RouteTreePlannerTests
{
    private static ManifestRoute Route(string file, string route, string[] paths, string[]? methods = null) =>
        new(file.Replace("/", "").Replace(".cs", ""), file, route, paths, methods ?? ["ANY"], null, null, "/tmp/artifact");

    private static readonly ManifestRoute UserById = Route("api/users/[id].cs", "/api/users/[id]", ["/api/users/{id}"]);
    private static readonly ManifestRoute UsersRest = Route("api/users/[...rest].cs", "/api/users/[...rest]", ["/api/users/{proxy+}"]);

    private static LambdaRoutesException Rejects(ApiKind kind, params ManifestRoute[] routes) =>
        Assert.Throws<LambdaRoutesException>(() => RouteTreePlanner.Plan(routes, kind, RouteMethods.Any));

    [Fact]
    public void Rest_rejects_a_variable_beside_a_greedy_variable_naming_both_files()
    {
        var error = Rejects(ApiKind.Rest, UserById, UsersRest);

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.RestSecondVariableChild, diagnostic.Code);
        Assert.Equal("api/users/[...rest].cs", diagnostic.File);
        Assert.Equal("/api/users/[...rest]", diagnostic.Route);
        Assert.Contains("'{proxy+}' under '/api/users'", diagnostic.Message);
        Assert.Contains("api/users/[id].cs (/api/users/[id])", diagnostic.Message);
    }

    [Fact]
    public void Http_api_carries_a_variable_beside_a_greedy_variable()
    {
        var bindings = RouteTreePlanner.Plan([UserById, UsersRest], ApiKind.Http, RouteMethods.Any);

        Assert.Equal(["/api/users/{id}", "/api/users/{proxy+}"], bindings.Select(b => b.Path));
    }

    [Theory]
    [InlineData(ApiKind.Http)]
    [InlineData(ApiKind.Rest)]
    public void Both_kinds_reject_differently_named_variables_at_one_level(ApiKind kind)
    {
        var error = Rejects(kind,
            Route("api/[a]/x.cs", "/api/[a]/x", ["/api/{a}/x"]),
            Route("api/[b]/y.cs", "/api/[b]/y", ["/api/{b}/y"]));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.ConflictingVariableNames, diagnostic.Code);
        Assert.Equal("api/[b]/y.cs", diagnostic.File);
    }

    [Fact]
    public void Shared_variable_names_nest_fine_on_rest()
    {
        var bindings = RouteTreePlanner.Plan(
            [UserById, Route("api/users/[id]/posts.cs", "/api/users/[id]/posts", ["/api/users/{id}/posts"])],
            ApiKind.Rest, RouteMethods.Any);

        Assert.Equal(2, bindings.Count);
    }

    [Fact]
    public void Rejects_a_greedy_segment_that_is_not_last()
    {
        var error = Rejects(ApiKind.Http, Route("api/bad.cs", "/api/bad", ["/api/{proxy+}/tail"]));

        Assert.Equal(DiagnosticCodes.GreedyNotLast, Assert.Single(error.Diagnostics).Code);
    }

    [Theory]
    [InlineData("api/x")]
    [InlineData("/api//x")]
    [InlineData("/api/x/")]
    [InlineData("/api/{x")]
    [InlineData("/api/{}")]
    public void Rejects_malformed_paths(string path)
    {
        var error = Rejects(ApiKind.Http, Route("api/x.cs", "/api/x", [path]));

        Assert.Equal(DiagnosticCodes.InvalidPath, Assert.Single(error.Diagnostics).Code);
    }

    [Fact]
    public void Rejects_two_routes_on_one_path_and_method_and_reports_every_problem_at_once()
    {
        var error = Rejects(ApiKind.Rest,
            Route("api/a.cs", "/api/a", ["/api/a"]),
            Route("api/(group)/a.cs", "/api/a", ["/api/a"]),
            UserById,
            UsersRest);

        Assert.Equal([DiagnosticCodes.DuplicateRouteKey, DiagnosticCodes.RestSecondVariableChild], error.Diagnostics.Select(d => d.Code));
        Assert.Contains("ANY /api/a is claimed twice: api/a.cs (/api/a) already has ANY", error.Diagnostics[0].Message);
    }

    [Fact]
    public void Exported_methods_split_one_path_between_verbs_and_any_overlaps_every_verb()
    {
        var get = Route("api/a.cs", "/api/a", ["/api/a"], ["GET", "POST"]);
        var bindings = RouteTreePlanner.Plan([get], ApiKind.Http, RouteMethods.Exported);
        Assert.Equal(["GET", "HEAD", "OPTIONS", "POST"], Assert.Single(bindings).Methods);
        var withCors = RouteTreePlanner.Plan([get], ApiKind.Http, RouteMethods.Exported, corsEnabled: true);
        Assert.Equal(["GET", "HEAD", "POST"], Assert.Single(withCors).Methods);

        var error = Assert.Throws<LambdaRoutesException>(() =>
            RouteTreePlanner.Plan([get, Route("api/b.cs", "/api/a", ["/api/a"])], ApiKind.Http, RouteMethods.Exported));
        Assert.Equal(DiagnosticCodes.DuplicateRouteKey, Assert.Single(error.Diagnostics).Code);
    }

    [Fact]
    public void Any_mode_wires_verb_routes_as_ANY_and_the_root_path_is_allowed()
    {
        var bindings = RouteTreePlanner.Plan(
            [Route("api/a.cs", "/api/a", ["/api/a"], ["GET"]), Route("index.cs", "/", ["/"])],
            ApiKind.Rest, RouteMethods.Any);

        Assert.All(bindings, b => Assert.Equal(["ANY"], b.Methods));
        Assert.Equal(["/api/a", "/"], bindings.Select(b => b.Path));
    }
}
