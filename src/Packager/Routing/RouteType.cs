using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Packager.Routing;

/// <summary>The two shapes of a route type (docs/routes.md).</summary>
internal enum RouteStyle
{
    /// <summary>A class implementing <c>IApiRoute</c>: every method reaches <c>HandleAsync</c>.</summary>
    Handler,

    /// <summary>A static class with <c>GET</c>, <c>POST</c>, … methods.</summary>
    Verbs,

    /// <summary>A class implementing <c>ILambdaAuthorizer</c> in <c>authorizers/</c>: a Lambda authorizer, built like a route but never wired as one.</summary>
    Authorizer,
}

/// <summary>What Roslyn found in one route file: the route type, its methods and its settings.</summary>
internal sealed record RouteType(RouteStyle Style, string FullName, IReadOnlyList<string> Methods, RouteSettings Settings, SourceLocation Location);
