namespace LambdaRoutes.Contracts.Routing;

/// <summary>A route file found under api/ and the URL segments its path gives (group folders dropped, trailing index removed).</summary>
internal sealed record RouteFile(string File, IReadOnlyList<RouteSegment> Segments)
{
    /// <summary>The Next-form pattern, e.g. <c>/api/users/[id]</c>.</summary>
    public string Route => "/" + string.Join('/', Segments.Select(s => s.Text));
}
