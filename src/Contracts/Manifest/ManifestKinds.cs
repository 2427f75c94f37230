namespace LambdaRoutes.Contracts.Manifest;

/// <summary>
/// What a manifest entry deploys as (<see cref="ManifestRouteEntry.Kind"/>). A route, the default, writes no <c>kind</c>, so
/// the manifests of apps that only have routes keep their exact shape; an entry of another kind names it.
/// </summary>
internal static class ManifestKinds
{
    /// <summary>A route file under <c>api/</c>: one function behind its API Gateway paths. What an absent <c>kind</c> means.</summary>
    public const string Route = "route";

    /// <summary>An <c>authorizers/&lt;name&gt;.cs</c> function: no paths or methods; the construct makes it an API Gateway Lambda authorizer.</summary>
    public const string Authorizer = "authorizer";

    /// <summary>An entry's kind, reading an absent one as <see cref="Route"/>.</summary>
    public static string Of(ManifestRouteEntry entry) => entry.Kind ?? Route;
}
