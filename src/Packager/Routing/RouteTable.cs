using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Packager.Routing;

/// <summary>
/// The result of route discovery: the app, its routes in precedence order, its JSON context, and every diagnostic.
/// <see cref="Routes"/> is only meaningful when <see cref="HasErrors"/> is false. Reused by <c>build</c> and <c>dev</c>.
/// </summary>
internal sealed record RouteTable(
    string AppDir,
    string AppName,
    string? AppProject,
    string? JsonContext,
    IReadOnlyList<RouteEntry> Routes,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
