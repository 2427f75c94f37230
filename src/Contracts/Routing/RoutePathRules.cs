using System.Globalization;
using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Contracts.Routing;

/// <summary>
/// The rules Next checks along one route's own path (Next.js packages/next/src/shared/lib/router/utils/sorted-routes.ts): a catch-all is the last segment,
/// and no slug name repeats, not even with only non-word characters changed (<c>[helloworld]/[hello-world]</c>).
/// </summary>
internal static class RoutePathRules
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

    // Regex's \w, by hand: the runtime checks its pattern with these rules too and should not carry a regex engine for it.
    private static string WordCharacters(string name) => string.Concat(name.Where(IsWordCharacter));

    private static bool IsWordCharacter(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };
}
