using LambdaRoutes.Cdk;
using LambdaRoutes.Local.Gateway;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Dev;

/// <summary>
/// Options of <c>lambda-routes dev &lt;appDir&gt; [--port 3000] [--aot] [--rest]</c>. Port 0 picks a free port.
/// <see cref="Watch"/> (default mode only) rebuilds and reloads on source changes.
/// </summary>
internal sealed record DevOptions(string AppDir, int Port = 3000, bool Aot = false, ApiKind Flavor = ApiKind.Http, bool Watch = true,
    Packaging.Architecture Architecture = Packaging.Architecture.X86_64, Auth.DevAuthOptions? Auth = null,
    Auth.LambdaAuthorizerOptions? LambdaAuthorizers = null, Auth.DevIamOptions? Iam = null, string? DefaultAuthorizer = null)
{
    /// <summary><c>--default-authorizer</c>, with or without the JWT options: it guards routes that choose none.</summary>
    public string? DefaultAuthorizerName => Auth?.DefaultAuthorizer ?? DefaultAuthorizer;
}
