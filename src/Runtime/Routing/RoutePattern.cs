using LambdaRoutes.Contracts.Routing;

namespace LambdaRoutes.Routing;

/// <summary>
/// A Next-form route pattern (<c>/api/users/[id]</c>, <c>/api/posts/[...slug]</c>, <c>/api/docs/[[...slug]]</c>)
/// parsed once at start-up by the packager's own parser (<see cref="RoutePath"/>), then matched against request paths (Next.js packages/next/src/shared/lib/router/utils/route-regex.ts):
/// <c>[x]</c> takes exactly one non-empty segment, <c>[...x]</c> one or more, <c>[[...x]]</c> zero or more
/// (the key is absent when there are none). Static segments compare case-sensitively.
/// </summary>
internal sealed class RoutePattern
{
    private readonly IReadOnlyList<RouteSegment> _segments;

    private RoutePattern(string text, IReadOnlyList<RouteSegment> segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    /// <exception cref="FormatException">The pattern is not a valid Next route.</exception>
    public static RoutePattern Parse(string pattern) => new(pattern, RoutePath.Parse(pattern));

    /// <summary>Matches a path that has already had trailing and repeated slashes normalised.</summary>
    public RouteMatch Match(string path)
    {
        var parts = path is "" or "/" ? Array.Empty<string>() : path.TrimStart('/').Split('/');
        var values = new ParamMap();
        for (var i = 0; i < _segments.Count; i++)
        {
            var segment = _segments[i];
            switch (segment.Kind)
            {
                case SegmentKind.Static:
                    if (i >= parts.Length || parts[i] != segment.Text) return RouteMatch.NoMatch;
                    break;
                case SegmentKind.Dynamic:
                    if (i >= parts.Length || parts[i].Length == 0) return RouteMatch.NoMatch;
                    if (!PercentDecoding.TryDecodeComponent(parts[i], out var value)) return RouteMatch.BadEncoding;
                    values.Set(segment.ParamName!, new[] { value }, isArray: false);
                    break;
                default:
                    var rest = parts.Skip(i).ToArray();
                    if (rest.Length == 0)
                        return segment.Kind == SegmentKind.OptionalCatchAll ? RouteMatch.Matched(values) : RouteMatch.NoMatch;
                    var decoded = new List<string>();
                    foreach (var piece in rest)
                    {
                        if (!PercentDecoding.TryDecodeComponent(piece, out var d)) return RouteMatch.BadEncoding;
                        decoded.Add(d);
                    }
                    values.Set(segment.ParamName!, decoded, isArray: true);
                    return RouteMatch.Matched(values);
            }
        }
        return parts.Length == _segments.Count ? RouteMatch.Matched(values) : RouteMatch.NoMatch;
    }
}

/// <summary>The outcome of <see cref="RoutePattern.Match"/>.</summary>
internal sealed record RouteMatch(RouteMatchKind Kind, ParamMap Params)
{
    public static RouteMatch NoMatch { get; } = new(RouteMatchKind.NoMatch, ParamMap.Empty);
    public static RouteMatch BadEncoding { get; } = new(RouteMatchKind.BadEncoding, ParamMap.Empty);
    public static RouteMatch Matched(ParamMap values) => new(RouteMatchKind.Matched, values);
}

/// <summary>Matched; no match (404); or a matching segment that is not valid percent-encoding (400, Next's DecodeError).</summary>
internal enum RouteMatchKind { Matched, NoMatch, BadEncoding }
