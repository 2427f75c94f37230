using LambdaRoutes.Cdk;
using LambdaRoutes.Contracts.Routing;
using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Packager.Routing;

/// <summary>Options of discovery: which API Gateway flavour the routes must fit (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html).</summary>
internal sealed record DiscoveryOptions(ApiKind Api = ApiKind.Http);

/// <summary>
/// Route discovery as a pipeline of separate stages, each adding to one diagnostics list
/// (parse → model → validate, all errors reported in one run):
///   1. the app folder and its project file;
///   2. walk api/ → route files and their segments (per-segment errors);
///   3. per-path rules (catch-all last, no repeated slug);
///   4. the trie: level conflicts while inserting, then the optional-catch-all specificity rule and API Gateway's rules;
///   5. Roslyn: the route type and settings of each file, and the app's JSON context;
///   6. ids, paths and methods → <see cref="RouteEntry"/> in precedence order; then the app's authorizers
///      (<see cref="AuthorizerFiles"/>), last and without paths.
/// </summary>
internal static class RouteDiscovery
{
    public static RouteTable Discover(string appDir, DiscoveryOptions? options = null)
    {
        options ??= new DiscoveryOptions();
        appDir = Path.GetFullPath(appDir);
        var diagnostics = new DiagnosticList();
        var appName = Path.GetFileName(appDir.TrimEnd(Path.DirectorySeparatorChar));
        RouteTable Result(string? project = null, string? json = null, IReadOnlyList<RouteEntry>? routes = null) =>
            new(appDir, project is null ? appName : Path.GetFileNameWithoutExtension(project), project, json, routes ?? [], diagnostics.Items);

        if (!Directory.Exists(appDir))
        {
            diagnostics.Add(RouteDiagnostics.AppFolderMissing(appDir));
            return Result();
        }

        var project = FindProject(appDir, diagnostics);
        if (!Directory.Exists(Path.Combine(appDir, RouteFileWalker.ApiFolder)))
        {
            diagnostics.Add(RouteDiagnostics.ApiFolderMissing(appDir));
            return Result(project);
        }

        var files = RouteFileWalker.Walk(appDir, diagnostics);
        if (files.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Add(RouteDiagnostics.NoRoutes());
            return Result(project);
        }

        var trie = new RouteTrie();
        foreach (var file in files.Where(f => RoutePathRules.Check(f, diagnostics)))
        {
            trie.Insert(file, diagnostics);
        }

        trie.CheckOptionalCatchAllSpecificity(diagnostics);
        ApiGatewayRules.Check(trie, options.Api, diagnostics);

        var sorted = trie.Sorted();
        var types = sorted.Select(f => RouteTypeReader.Read(f.File, File.ReadAllText(Path.Combine(appDir, f.File)), diagnostics)).ToList();
        foreach (var (type, file) in types.Zip(sorted).Where(t => t.First?.Style == RouteStyle.Authorizer))
            diagnostics.Add(RouteDiagnostics.AuthorizerTypeMisplaced(file.File, inApi: true, type!.Location));
        var authorizers = AuthorizerFiles.Discover(appDir, diagnostics);
        var json = JsonContextFinder.Find(appDir, AppSources.Enumerate(appDir), diagnostics);
        if (diagnostics.HasErrors)
        {
            return Result(project, json);
        }

        var ids = RouteIds.Assign(sorted);
        var entries = sorted.Select((file, i) =>
        {
            var type = types[i] ?? throw new InvalidOperationException($"{file.File} has no route type but no error was reported.");
            return new RouteEntry(ids[i], file.File, file.Route, ApiGatewayPaths.For(file.Segments), type.Methods, type.Style,
                type.FullName, type.Settings, file.Segments);
        }).ToList();
        return Result(project, json, [.. entries, .. authorizers]);
    }

    private static string? FindProject(string appDir, DiagnosticList diagnostics)
    {
        var projects = Directory.GetFiles(appDir, "*.csproj").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        switch (projects.Count)
        {
            case 0:
                diagnostics.Add(RouteDiagnostics.NoProjectFile(appDir));
                return null;
            case > 1:
                diagnostics.Add(RouteDiagnostics.SeveralProjectFiles(projects));
                return null;
            default:
                return projects[0];
        }
    }
}
