using System.Text.RegularExpressions;
using LambdaRoutes.Packager.Diagnostics;

namespace LambdaRoutes.Packager.Routing;

/// <summary>
/// The rules Next checks along one route's own path (Next.js packages/next/src/shared/lib/router/utils/sorted-routes.ts): a catch-all is the last segment,
/// and no slug name repeats, not even with only non-word characters changed (<c>[helloworld]/[hello-world]</c>).
/// </summary>
internal static partial class RoutePathRules
{
    public static bool Check(RouteFile route, DiagnosticList diagnostics)
    {
        var before = diagnostics.Items.Count;
        var segments = route.Segments;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            if (segments[i].IsCatchAll)
            {
                diagnostics.Add(RouteDiagnostics.CatchAllNotLast(route.File));
                return false;
            }
        }

        var seen = new List<string>();
        foreach (var name in segments.Select(s => s.ParamName).OfType<string>())
        {
            foreach (var earlier in seen)
            {
                if (earlier == name)
                {
                    diagnostics.Add(RouteDiagnostics.RepeatedSlug(name, route.File));
                }
                else if (WordCharacters(earlier) == WordCharacters(name))
                {
                    diagnostics.Add(RouteDiagnostics.SlugsDifferOnlyBySymbols(earlier, name, route.File));
                }
            }

            seen.Add(name);
        }

        return diagnostics.Items.Count == before;
    }

    private static string WordCharacters(string name) => NonWord().Replace(name, "");

    [GeneratedRegex(@"\W")]
    private static partial Regex NonWord();
}
