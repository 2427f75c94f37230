using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Contracts.Routing;

/// <summary>
/// Reads a Next-form pattern (<c>/api/users/[id]</c>, as <see cref="RouteFile.Route"/> writes it) back into its segments,
/// with discovery's own parser and per-path rules, so the runtime matches exactly the route the packager saw.
/// Cheap on purpose: it runs once per cold start.
/// </summary>
internal static class RoutePath
{
    /// <exception cref="FormatException">The pattern is not a valid Next route; the message is discovery's.</exception>
    public static IReadOnlyList<RouteSegment> Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!pattern.StartsWith('/'))
        {
            throw new FormatException($"Route pattern \"{pattern}\" must start with '/'.");
        }

        var parts = pattern.Length == 1 ? [] : pattern[1..].Split('/');
        var diagnostics = new DiagnosticList();
        var segments = new List<RouteSegment>(parts.Length);
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                throw new FormatException($"Route pattern \"{pattern}\" has an empty segment.");
            }

            // Next reads "x[id]" as static text; a Lambda serving it would never see Params, so a pattern saying so is refused.
            if (SegmentParser.Parse(part, pattern, diagnostics) is not { } segment
                || (segment.Kind == SegmentKind.Static && (part.Contains('[') || part.Contains(']'))))
            {
                throw Invalid(pattern, diagnostics, $"Segment \"{part}\" of route \"{pattern}\" mixes text and a parameter.");
            }

            segments.Add(segment);
        }

        if (!RoutePathRules.Check(new RouteFile(pattern, segments), diagnostics))
        {
            throw Invalid(pattern, diagnostics, "");
        }

        return segments;
    }

    private static FormatException Invalid(string pattern, DiagnosticList diagnostics, string otherwise) =>
        new(diagnostics.Items.Count > 0 ? $"{diagnostics.Items[0].Message} (route \"{pattern}\")" : otherwise);
}
