namespace LambdaRoutes.Contracts.Routing;

/// <summary>
/// One level of the route tree. A node has at most one child of each parameter kind, which is what makes
/// "different slug names for the same dynamic path" an error (Next.js packages/next/src/shared/lib/router/utils/sorted-routes.ts) and gives API Gateway one variable name per level.
/// </summary>
internal sealed class RouteTrieNode(string path)
{
    /// <summary>The URL of this node in Next form, e.g. <c>/api/users</c>.</summary>
    public string Path { get; } = path;

    /// <summary>The route that ends exactly here (an index, a static file, or the parameter file itself).</summary>
    public RouteFile? Route { get; set; }

    public SortedDictionary<string, RouteTrieNode> Statics { get; } = new(StringComparer.Ordinal);

    public ParameterChild? Dynamic { get; set; }

    public ParameterChild? CatchAll { get; set; }

    public ParameterChild? OptionalCatchAll { get; set; }
}

/// <summary>A parameter child of a node, with the file that first gave it its name (for errors that name both files).</summary>
internal sealed record ParameterChild(RouteSegment Segment, string FirstFile, RouteTrieNode Node)
{
    public string Name => Segment.ParamName ?? Segment.Text;
}
