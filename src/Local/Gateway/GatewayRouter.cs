using LambdaRoutes.Contracts.Routing;

namespace LambdaRoutes.Local.Gateway;

/// <summary>
/// Picks the route API Gateway would pick for a method and a raw path (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html):
///   1. a full match of path and method beats any greedy match — among full matches, the segment that is literal beats
///      the one that is a <c>{variable}</c>, compared left to right (<c>GET /pets/dog/1</c> over <c>/pets/dog/{id}</c>);
///   2. then a greedy <c>{proxy+}</c> match, the one with the most specific prefix first; a greedy variable takes one
///      or more segments, so <c>/api/posts/{proxy+}</c> never matches <c>/api/posts</c>;
///   3. at equal paths a specific method beats <c>ANY</c>.
/// Literals are compared case-sensitively on the raw path. A trailing slash is tolerated on a non-greedy route (as
/// <c>sam local</c> does, aws-sam-cli samcli/local/apigw/local_apigw_service.py), so the function sees it and answers Next's 308 itself; a greedy variable keeps
/// it (<c>"proxy": "foo/"</c>, https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html).
/// </summary>
internal sealed class GatewayRouter(IReadOnlyList<GatewayRoute> routes)
{
    private const int Literal = 2;
    private const int Variable = 1;
    private const int Greedy = 0;

    public IReadOnlyList<GatewayRoute> Routes { get; } = routes;

    public GatewayMatch? Match(string method, string rawPath)
    {
        var segments = rawPath.TrimStart('/').Split('/');
        if (segments is [""])
        {
            segments = [];
        }

        GatewayMatch? best = null;
        int[]? bestRanks = null;
        foreach (var route in Routes)
        {
            if (route.Method != "ANY" && !string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (TryMatch(route, segments) is not { } match)
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

    private static GatewayMatch? TryMatch(GatewayRoute route, string[] segments)
    {
        var template = route.Segments;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (route.IsGreedy)
        {
            var fixedCount = template.Count - 1;
            // One or more segments for the greedy variable: the rest must not be empty.
            if (segments.Length <= fixedCount || (segments.Length == fixedCount + 1 && segments[^1].Length == 0))
            {
                return null;
            }

            if (!MatchFixed(template, segments, fixedCount, parameters))
            {
                return null;
            }

            parameters[template[^1].Name] = string.Join('/', segments[fixedCount..]);
            return new GatewayMatch(route, parameters);
        }

        if (segments.Length == template.Count + 1 && segments[^1].Length == 0)
        {
            segments = segments[..^1];
        }

        return segments.Length == template.Count && MatchFixed(template, segments, template.Count, parameters)
            ? new GatewayMatch(route, parameters)
            : null;
    }

    private static bool MatchFixed(IReadOnlyList<GatewaySegment> template, string[] segments, int count, Dictionary<string, string> parameters)
    {
        for (var i = 0; i < count; i++)
        {
            if (template[i].IsVariable)
            {
                if (segments[i].Length == 0)
                {
                    return false;
                }

                parameters[template[i].Name] = segments[i];
            }
            else if (!string.Equals(template[i].Text, segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

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
