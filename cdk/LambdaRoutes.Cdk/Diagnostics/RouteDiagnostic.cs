using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Cdk.Diagnostics;

/// <summary>
/// One problem found while reading a manifest or planning the API, named by a stable code and,
/// where known, the route file and route pattern it concerns.
/// </summary>
/// <param name="Code">Stable code (<c>LRC1xx</c> manifest, <c>LRC2xx</c> API tree, <c>LRC3xx</c> packager).</param>
/// <param name="Message">What is wrong and, where possible, what to do about it.</param>
/// <param name="File">The route file (<c>api/users/[id].cs</c>), or null for manifest-wide problems.</param>
/// <param name="Route">The route pattern (<c>/api/users/[id]</c>), or null.</param>
public sealed record RouteDiagnostic(string Code, string Message, string? File = null, string? Route = null)
{
    /// <summary>The user's view of a finding of the shared catalogue: its code, wording, route file and pattern.</summary>
    internal static RouteDiagnostic From(Diagnostic diagnostic) =>
        new(diagnostic.Code, diagnostic.Message, diagnostic.Locations.Count > 0 ? diagnostic.Locations[0].File : null, diagnostic.Route);

    /// <summary>Formats the diagnostic as one line: <c>LRC201 api/x.cs (/api/x): message</c>.</summary>
    public override string ToString()
    {
        var where = (File, Route) switch
        {
            (not null, not null) => $" {File} ({Route})",
            (not null, null) => $" {File}",
            (null, not null) => $" {Route}",
            _ => "",
        };
        return $"{Code}{where}: {Message}";
    }
}
