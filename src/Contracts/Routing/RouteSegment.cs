namespace LambdaRoutes.Contracts.Routing;

/// <summary>How one URL segment matches, in Next's precedence order (Next.js packages/next/src/shared/lib/router/utils/sorted-routes.ts): static beats [x] beats [...x] beats [[...x]].</summary>
internal enum SegmentKind
{
    Static,
    Dynamic,
    CatchAll,
    OptionalCatchAll,
}

/// <summary>One segment of a route as written in the file tree: <c>users</c>, <c>[id]</c>, <c>[...slug]</c>, <c>[[...slug]]</c>.</summary>
internal sealed record RouteSegment(SegmentKind Kind, string Text, string? ParamName)
{
    public static RouteSegment Static(string text) => new(SegmentKind.Static, text, null);

    public bool IsCatchAll => Kind is SegmentKind.CatchAll or SegmentKind.OptionalCatchAll;

    /// <summary>
    /// The API Gateway segment (docs/architecture.md): <c>[id]</c> → <c>{id}</c>; both catch-alls → <c>{proxy+}</c>
    /// (one or more segments; the optional one also gets its bare parent, <see cref="ApiGatewayPaths"/>).
    /// </summary>
    public GatewaySegment ToGateway() => Kind switch
    {
        SegmentKind.Static => new GatewaySegment(GatewaySegmentKind.Literal, Text, Text),
        SegmentKind.Dynamic => new GatewaySegment(GatewaySegmentKind.Variable, ParamName!, $"{{{ParamName}}}"),
        _ => new GatewaySegment(GatewaySegmentKind.Greedy, GatewaySegment.GreedyName, $"{{{GatewaySegment.GreedyName}+}}"),
    };
}
