using LambdaRoutes.Packager.Diagnostics;

namespace LambdaRoutes.Packager.Routing;

/// <summary>
/// Walks <c>&lt;app&gt;/api/</c> and maps each route file to its URL segments (DESIGN.md §2, nextjs.md §1.1):
/// every <c>*.cs</c> file is a route; files and folders starting with <c>_</c> (and dot-folders) are private;
/// <c>(group)</c> folders are walked but dropped from the URL; only a trailing <c>index</c> is stripped.
/// Output is in ordinal path order so that everything downstream is deterministic.
/// </summary>
internal static class RouteFileWalker
{
    public const string ApiFolder = "api";

    public static IReadOnlyList<RouteFile> Walk(string appDir, DiagnosticList diagnostics)
    {
        var apiDir = Path.Combine(appDir, ApiFolder);
        var files = new List<RouteFile>();
        WalkFolder(apiDir, [RouteSegment.Static(ApiFolder)], ApiFolder, files, diagnostics);
        return files;
    }

    /// <summary>True for files under api/ that are not routes (private files and folders): shared code every route may use.</summary>
    public static bool IsPrivate(string name) => name.StartsWith('_') || name.StartsWith('.');

    private static void WalkFolder(string folder, IReadOnlyList<RouteSegment> prefix, string relativeFolder, List<RouteFile> files, DiagnosticList diagnostics)
    {
        foreach (var path in Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (IsPrivate(name))
            {
                continue;
            }

            var relative = $"{relativeFolder}/{Path.GetFileName(path)}";
            var segments = prefix.ToList();
            if (name != "index")
            {
                var segment = SegmentParser.Parse(name, relative, diagnostics);
                if (segment is null)
                {
                    continue;
                }

                segments.Add(segment);
            }

            files.Add(new RouteFile(relative, segments));
        }

        foreach (var path in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (IsPrivate(name))
            {
                continue;
            }

            var relative = $"{relativeFolder}/{name}";
            if (IsGroup(name))
            {
                WalkFolder(path, prefix, relative, files, diagnostics);
                continue;
            }

            var segment = SegmentParser.Parse(name, relative + "/", diagnostics);
            if (segment is not null)
            {
                WalkFolder(path, [.. prefix, segment], relative, files, diagnostics);
            }
        }
    }

    private static bool IsGroup(string name) => name.Length > 2 && name.StartsWith('(') && name.EndsWith(')');
}
