using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Contracts.Routing;

/// <summary>
/// Parses one file or folder name into a <see cref="RouteSegment"/>, with Next's per-segment errors (Next.js packages/next/src/shared/lib/router/utils/sorted-routes.ts):
/// <c>[[...x]]</c> optional catch-all, <c>[...x]</c> catch-all, <c>[x]</c> dynamic; anything else is static.
/// The bracket pair is removed first, then the "...", so <c>[...id]]</c> reports <c>'id]'</c> as Next does.
/// </summary>
internal static class SegmentParser
{
    public static RouteSegment? Parse(string text, string file, DiagnosticList diagnostics)
    {
        if (!text.StartsWith('[') || !text.EndsWith(']'))
        {
            return RouteSegment.Static(text);
        }

        var optional = text.StartsWith("[[", StringComparison.Ordinal) && text.EndsWith("]]", StringComparison.Ordinal) && text.Length >= 4;
        var name = optional ? text[2..^2] : text[1..^1];
        var catchAll = name.StartsWith("...", StringComparison.Ordinal);
        if (catchAll)
        {
            name = name[3..];
        }

        if (name.StartsWith('…'))
        {
            diagnostics.Add(RouteDiagnostics.ThreeDotCharacter(name, file));
            return null;
        }

        if (name.StartsWith('.'))
        {
            diagnostics.Add(RouteDiagnostics.ErroneousPeriods(name, file));
            return null;
        }

        if (name.StartsWith('[') || name.EndsWith(']'))
        {
            diagnostics.Add(RouteDiagnostics.ExtraBrackets(name, file));
            return null;
        }

        if (name.Length == 0)
        {
            diagnostics.Add(RouteDiagnostics.EmptySegmentName(text, file));
            return null;
        }

        if (optional && !catchAll)
        {
            diagnostics.Add(RouteDiagnostics.OptionalParameter(text, file));
            return null;
        }

        var kind = optional ? SegmentKind.OptionalCatchAll : catchAll ? SegmentKind.CatchAll : SegmentKind.Dynamic;
        return new RouteSegment(kind, text, name);
    }
}
