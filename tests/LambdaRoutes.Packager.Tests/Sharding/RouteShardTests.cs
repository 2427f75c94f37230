using LambdaRoutes.Cdk;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Routing;
using LambdaRoutes.Packager.Sharding;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Sharding;

/// <summary><c>--shard i/n</c>: parsed strictly; the n shares of any route table are disjoint, cover it, and differ by at most one route.</summary>
public sealed class RouteShardTests
{
    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/4", 2, 4)]
    [InlineData("12/12", 12, 12)]
    public void I_of_n_parses(string text, int index, int count) =>
        Assert.Equal(new RouteShard(index, count), RouteShard.TryParse(text, out _));

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1/0")]
    [InlineData("-1/2")]
    [InlineData("1")]
    [InlineData("1/2/3")]
    [InlineData("a/b")]
    [InlineData(" 1/2")]
    public void Anything_else_is_refused_with_the_rule(string text)
    {
        Assert.Null(RouteShard.TryParse(text, out var error));
        Assert.Equal($"--shard must be i/n with 1 <= i <= n (e.g. 2/4 for the second of four shares); got '{text}'.", error);
    }

    [Fact]
    public void The_shares_of_every_table_size_are_disjoint_complete_balanced_and_keep_precedence_order()
    {
        for (var routes = 0; routes <= 9; routes++)
        {
            var builds = Builds(routes);
            for (var count = 1; count <= 5; count++)
            {
                var shares = Enumerable.Range(1, count).Select(i => new RouteShard(i, count).Select(builds)).ToList();
                var ids = shares.SelectMany(s => s.Select(b => b.Route.Id)).ToList();
                Assert.Equal(builds.Select(b => b.Route.Id).Order(), ids.Order());
                Assert.True(shares.Max(s => s.Count) - shares.Min(s => s.Count) <= 1, $"{routes} routes in {count} shares");
                Assert.All(shares, share => Assert.Equal(builds.Where(share.Contains), share));
            }
        }
    }

    [Fact]
    public void A_share_depends_on_route_ids_not_on_the_order_they_come_in()
    {
        var builds = Builds(7);
        var shard = new RouteShard(2, 3);
        Assert.Equal(shard.Select(builds).Select(b => b.Route.Id).Order(), shard.Select([.. builds.AsEnumerable().Reverse()]).Select(b => b.Route.Id).Order());
    }

    /// <summary>Route builds of a real table of <paramref name="count"/> routes, in precedence order.</summary>
    private static IReadOnlyList<RouteBuild> Builds(int count)
    {
        using var app = new TempApp();
        for (var i = 0; i < count; i++)
        {
            app.Route($"api/r{(char)('z' - i)}.cs");
        }

        if (count == 0)
        {
            return [];
        }

        var table = RouteDiscovery.Discover(app.Dir, new DiscoveryOptions(ApiKind.Http));
        return BuildPipeline.Plan(table, new BuildOptions(app.Dir), Path.Combine(app.Dir, "out")).Routes;
    }
}
