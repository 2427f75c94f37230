using LambdaRoutes.Contracts.Routing;

namespace LambdaRoutes.Packager.Routing;

/// <summary>One route of the table, in the shape <c>routes --json</c> and the manifest share (docs/architecture.md).</summary>
internal sealed record RouteEntry(
    string Id,
    string File,
    string Route,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Methods,
    RouteStyle Style,
    string Handler,
    RouteSettings Settings,
    IReadOnlyList<RouteSegment> Segments);
