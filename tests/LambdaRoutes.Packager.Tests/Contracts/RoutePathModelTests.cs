using System.Text.RegularExpressions;
using LambdaRoutes.Cdk;
using LambdaRoutes.Contracts.Diagnostics;
using LambdaRoutes.Contracts.Routing;
using LambdaRoutes.Packager.Routing;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Contracts;

/// <summary>
/// The one route path model (src/Contracts/Routing): what discovery parses from file names is what the runtime reads back
/// from the pattern the entry point hands it, and what the construct and the local API Gateway see as API Gateway paths.
/// </summary>
public sealed class RoutePathModelTests
{
    private static readonly string[] Files =
    [
        "api/index.cs", "api/posts/[id].cs", "api/blog/[id]/comments/[cid].cs", "api/p1/[[...incl]].cs", "api/p2/[...rest].cs",
        "api/(shop)/cart.cs", "api/[root-slug].cs", "api/p2/[id]/abc.cs",
    ];

    [Fact]
    public void The_runtime_reads_back_exactly_the_segments_and_gateway_paths_discovery_found()
    {
        using var app = new TempApp().Routes(Files);

        var table = RouteDiscovery.Discover(app.Dir);

        Assert.False(table.HasErrors);
        Assert.Equal(Files.Length, table.Routes.Count);
        Assert.All(table.Routes, route =>
        {
            var segments = RoutePath.Parse(route.Route);
            Assert.Equal(route.Segments, segments);
            Assert.Equal(route.Paths, ApiGatewayPaths.For(segments));
        });
    }

    [Theory]
    [InlineData("/api/[[id]]", "Optional route parameters are not yet supported (\"[[id]]\").")]
    [InlineData("/api/[...a]/b", "Catch-all must be the last part of the URL.")]
    [InlineData("/api/[id]/x/[id]", "You cannot have the same slug name \"id\" repeat within a single dynamic path.")]
    [InlineData("/api/[.id]", "Segment names may not start with erroneous periods ('.id').")]
    public void A_bad_pattern_is_refused_with_discoverys_own_Next_text(string pattern, string nextText)
    {
        var error = Assert.Throws<FormatException>(() => RoutePath.Parse(pattern));

        Assert.Equal($"{nextText} (route \"{pattern}\")", error.Message);
    }

    [Fact]
    public void Slugs_differ_only_by_symbols_exactly_where_regex_non_word_characters_say_so()
    {
        var nonWord = new Regex(@"\W");
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            var name = "a" + c;
            var diagnostics = new DiagnosticList();
            var route = new RouteFile("api/x.cs", [new RouteSegment(SegmentKind.Dynamic, "[a]", "a"), new RouteSegment(SegmentKind.Dynamic, $"[{name}]", name)]);

            RoutePathRules.Check(route, diagnostics);

            var expected = nonWord.IsMatch(c.ToString());
            Assert.True(expected == diagnostics.Items.Any(d => d.Code == "LR1003"), $"U+{(int)c:X4}: regex says non-word = {expected}");
        }
    }

    [Theory]
    [InlineData("users", "Literal", "users", true)]
    [InlineData("{id}", "Variable", "id", true)]
    [InlineData("{proxy+}", "Greedy", "proxy", true)]
    [InlineData("{}", "Variable", "", false)]
    [InlineData("{a-b}", "Variable", "a-b", false)]
    [InlineData("{a}b", "Literal", "{a}b", false)]
    [InlineData("caf\u00e9", "Literal", "caf\u00e9", false)]
    [InlineData("", "Literal", "", false)]
    public void Gateway_segments_are_classified_by_braces_and_checked_against_API_Gateways_syntax(
        string text, string kind, string name, bool valid)
    {
        var segment = GatewaySegment.Of(text);

        Assert.Equal((kind, name, valid), (segment.Kind.ToString(), segment.Name, segment.IsValid));
    }

    [Theory]
    [InlineData("{id}", "{proxy+}", ApiKind.Rest, "SecondVariableChild")]
    [InlineData("{id}", "{proxy+}", ApiKind.Http, "None")]
    [InlineData("{a}", "{b}", ApiKind.Http, "DifferentNames")]
    [InlineData("{a}", "{b}", ApiKind.Rest, "DifferentNames")]
    [InlineData("{id}", "{id}", ApiKind.Rest, "None")]
    [InlineData("users", "{id}", ApiKind.Rest, "None")]
    public void The_sibling_rule_is_stated_once_for_both_API_kinds(string existing, string added, ApiKind api, string expected)
    {
        Assert.Equal(expected, ApiGatewayRules.Siblings(GatewaySegment.Of(existing), GatewaySegment.Of(added), api).ToString());
    }
}
