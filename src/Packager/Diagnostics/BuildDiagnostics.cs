using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Diagnostics;

/// <summary>Diagnostics of the build stage (LR3xxx) that are about the route table rather than one dotnet run.</summary>
internal static class BuildDiagnostics
{
    public static Diagnostic VerbRoutesNotBuildable(IEnumerable<RouteEntry> routes) =>
        Diagnostic.Error("LR3001",
            "Verb-style routes (static classes with GET/POST/... methods) are listed by `routes` but cannot be built yet; " +
            "write them as IApiRoute handlers for now.",
            routes.Select(r => new SourceLocation(r.File)).ToArray());
}
