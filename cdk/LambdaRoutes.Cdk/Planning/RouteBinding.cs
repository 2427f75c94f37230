using LambdaRoutes.Cdk.Manifest;

namespace LambdaRoutes.Cdk.Planning;

/// <summary>One API Gateway path of a route, with the methods it is wired for.</summary>
/// <param name="Route">The manifest route (one function).</param>
/// <param name="Path">The API Gateway path, e.g. <c>/api/docs/{proxy+}</c>.</param>
/// <param name="Methods"><c>ANY</c> or the route's verbs.</param>
internal sealed record RouteBinding(ManifestRoute Route, string Path, IReadOnlyList<string> Methods);
