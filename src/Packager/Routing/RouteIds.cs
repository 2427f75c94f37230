using System.Text;
using LambdaRoutes.Contracts.Routing;

namespace LambdaRoutes.Packager.Routing;

/// <summary>
/// Stable, readable, Lambda- and CDK-friendly ids (docs/architecture.md): PascalCase of the URL segments,
/// <c>/api/users/[id]</c> → <c>ApiUsersId</c>, <c>[...slug]</c> → <c>SlugCatchAll</c>, <c>[[...slug]]</c> → <c>SlugOptionalCatchAll</c>.
/// Ids come from the route alone, never from walk order, so CDK logical ids do not churn; a collision
/// (e.g. <c>/api/a-b</c> and <c>/api/a_b</c>) gets a numeric suffix in precedence order.
/// </summary>
internal static class RouteIds
{
    public static IReadOnlyList<string> Assign(IReadOnlyList<RouteFile> sortedRoutes)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ids = new List<string>();
        foreach (var route in sortedRoutes)
        {
            var baseId = BaseId(route.Segments);
            var id = baseId;
            for (var n = 2; !used.Add(id); n++)
            {
                id = $"{baseId}{n}";
            }

            ids.Add(id);
        }

        return ids;
    }

    public static string BaseId(IEnumerable<RouteSegment> segments)
    {
        var id = new StringBuilder();
        foreach (var segment in segments)
        {
            id.Append(Pascal(segment.ParamName ?? segment.Text));
            id.Append(segment.Kind switch
            {
                SegmentKind.CatchAll => "CatchAll",
                SegmentKind.OptionalCatchAll => "OptionalCatchAll",
                _ => "",
            });
        }

        if (id.Length == 0 || char.IsDigit(id[0]))
        {
            id.Insert(0, "Route");
        }

        return id.ToString();
    }

    /// <summary>Splits on anything that is not an ASCII letter or digit and capitalises each word: <c>root-slug</c> → <c>RootSlug</c>.</summary>
    internal static string Pascal(string text)
    {
        var result = new StringBuilder();
        var startOfWord = true;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            result.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        return result.ToString();
    }
}
