using LambdaRoutes.Contracts.Routing;

namespace LambdaRoutes.Local.Gateway;

/// <summary>
/// One API Gateway route as the CDK construct wires it (docs/architecture.md manifest): an API Gateway path template such
/// as <c>/api/users/{id}</c> or <c>/api/posts/{proxy+}</c>, a method (<c>ANY</c> or a verb) and the route id behind it.
/// </summary>
internal sealed record GatewayRoute(string RouteId, string Template, string Method)
{
    /// <summary>The template split into segments, without the leading slash; <c>/</c> has none.</summary>
    public IReadOnlyList<GatewaySegment> Segments { get; } = GatewaySegment.Split(Template);

    /// <summary>True for a template that ends in a greedy <c>{name+}</c> variable.</summary>
    public bool IsGreedy => Segments.Count > 0 && Segments[^1].Kind == GatewaySegmentKind.Greedy;
}

/// <summary>A request matched to a route: the template it matched and the raw (still percent-encoded) path parameters.</summary>
internal sealed record GatewayMatch(GatewayRoute Route, IReadOnlyDictionary<string, string> RawPathParameters);
