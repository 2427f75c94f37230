using LambdaRoutes.Contracts.Routing;

namespace LambdaRoutes.Local.Gateway;

/// <summary>
/// Picks the route API Gateway would pick for a method and a raw path (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html):
///   1. a full match of path and method beats any greedy match — among full matches, the segment that is literal beats
///      the one that is a <c>{variable}</c>, compared left to right (<c>GET /pets/dog/1</c> over <c>/pets/dog/{id}</c>);
///   2. then a greedy <c>{proxy+}</c> match, the one with the most specific prefix first; a greedy variable takes one
///      or more segments, so <c>/api/posts/{proxy+}</c> never matches <c>/api/posts</c>;
///   3. at equal paths a specific method beats <c>ANY</c>.
/// Whether one template matches a path, and what its variables bind, is <see cref="GatewayPathBinding"/>'s.
/// </summary>
internal sealed class GatewayRouter(IReadOnlyList<GatewayRoute> routes)
{
    private const int Literal = 2;
    private const int Variable = 1;
    private const int Greedy = 0;

    public IReadOnlyList<GatewayRoute> Routes { get; } = routes;

    public GatewayMatch? Match(string method, string rawPath)
    {
        GatewayMatch? best = null;
        int[]? bestRanks = null;
        foreach (var route in Routes)
        {
            if (route.Method != "ANY" && !string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (TryMatch(route, rawPath) is not { } match)
            {
                continue;
            }

            var ranks = Ranks(route);
            if (best is null || IsBetter(route, ranks, best.Route, bestRanks!))
            {
                best = match;
                bestRanks = ranks;
            }
        }

        return best;
    }

    private static GatewayMatch? TryMatch(GatewayRoute route, string rawPath) =>
        GatewayPathBinding.Bind(route.Segments, rawPath) is { } parameters ? new GatewayMatch(route, parameters) : null;

    private static int[] Ranks(GatewayRoute route) => route.Segments
        .Select(s => s.Kind switch { GatewaySegmentKind.Greedy => Greedy, GatewaySegmentKind.Variable => Variable, _ => Literal })
        .ToArray();

    private static bool IsBetter(GatewayRoute candidate, int[] candidateRanks, GatewayRoute current, int[] currentRanks)
    {
        if (candidate.IsGreedy != current.IsGreedy)
        {
            return !candidate.IsGreedy;
        }

        for (var i = 0; i < Math.Min(candidateRanks.Length, currentRanks.Length); i++)
        {
            if (candidateRanks[i] != currentRanks[i])
            {
                return candidateRanks[i] > currentRanks[i];
            }
        }

        if (candidateRanks.Length != currentRanks.Length)
        {
            // Two greedy matches of one path: the longer fixed prefix is the more specific resource.
            return candidateRanks.Length > currentRanks.Length;
        }

        return current.Method == "ANY" && candidate.Method != "ANY";
    }
}
