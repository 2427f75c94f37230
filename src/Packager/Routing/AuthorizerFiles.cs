using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Packager.Routing;

/// <summary>
/// The app's Lambda authorizers: each <c>authorizers/&lt;name&gt;.cs</c> beside <c>api/</c> holds one public class
/// implementing <c>ILambdaAuthorizer</c>, and its file name is the name routes choose with
/// <c>[RouteConfig(Authorizer = "&lt;name&gt;")]</c> (docs/deploy.md "Authorizers"). The folder is flat, like Next.js's
/// <c>middleware.ts</c> beside <c>pages/</c>: an authorizer has no URL. Files starting with <c>_</c> are shared code.
/// Each becomes a <see cref="RouteEntry"/> of style <see cref="RouteStyle.Authorizer"/>, with no paths, so the build
/// compiles, caches and zips it exactly like a route.
/// </summary>
internal static class AuthorizerFiles
{
    public const string Folder = "authorizers";

    public static IReadOnlyList<RouteEntry> Discover(string appDir, DiagnosticList diagnostics)
    {
        var folder = Path.Combine(appDir, Folder);
        if (!Directory.Exists(folder)) return [];
        var entries = new List<RouteEntry>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.EnumerateFiles(folder, "*.cs").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (RouteFileWalker.IsPrivate(name)) continue;
            var file = Folder + "/" + Path.GetFileName(path);
            if (!AuthorizerName.IsValid(name) || name == AuthorizerName.None)
            {
                diagnostics.Add(RouteDiagnostics.InvalidAuthorizerFileName(file));
                continue;
            }

            var type = RouteTypeReader.Read(file, File.ReadAllText(path), diagnostics);
            if (type is null) continue;
            if (type.Style != RouteStyle.Authorizer)
            {
                diagnostics.Add(RouteDiagnostics.AuthorizerTypeMisplaced(file, inApi: false, type.Location));
                continue;
            }

            var baseId = "Authorizer" + RouteIds.Pascal(name);
            var id = baseId;
            for (var n = 2; !ids.Add(id); n++) id = baseId + n;
            entries.Add(new RouteEntry(id, file, name, [], [], RouteStyle.Authorizer, type.FullName, type.Settings, []));
        }

        return entries;
    }
}
