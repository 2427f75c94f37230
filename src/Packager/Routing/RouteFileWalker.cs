using LambdaRoutes.Contracts.Routing;
using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Packager.Routing;

/// <summary>
/// Walks <c>&lt;app&gt;/api/</c> and maps each route file to its URL segments (docs/packager.md; Next.js docs/02-pages/03-building-your-application/01-routing/07-api-routes.mdx):
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
        WalkFolder(apiDir, [RouteSegment.Static(ApiFolder)], ApiFolder, Path.GetFullPath(apiDir), files, diagnostics);
        return files;
    }

    /// <summary>
    /// Why <paramref name="name"/> cannot be a URL path segment, or null when it can: control characters, whitespace and
    /// the characters a path cannot carry literally (a <c>?</c> or <c>#</c> would end it, <c>%</c> starts an escape).
    /// </summary>
    public static string? InvalidSegmentCharacter(string name)
    {
        foreach (var c in name)
        {
            if (char.IsControl(c)) return $"the control character U+{(int)c:X4}";
            if (char.IsWhiteSpace(c)) return c == ' ' ? "a space" : $"the space character U+{(int)c:X4}";
            if ("?#%\\\"<>`^{}|".Contains(c)) return $"'{c}'";
        }
        return null;
    }

    /// <summary>
    /// Reports names the walk cannot use (non-UTF-8, not a path segment) and says whether to skip the entry.
    /// <paramref name="checkSegment"/> is false for groups, whose names never reach the URL.
    /// </summary>
    private static bool Refused(string name, string relative, bool checkSegment, DiagnosticList diagnostics)
    {
        if (name.Contains('\uFFFD'))
        {
            diagnostics.Add(RouteDiagnostics.NameNotUtf8(relative));
            return true;
        }
        if (checkSegment && InvalidSegmentCharacter(name) is { } bad)
        {
            diagnostics.Add(RouteDiagnostics.InvalidPathSegment(name, bad, relative));
            return true;
        }
        return false;
    }

    /// <summary>True for files under api/ that are not routes (private files and folders): shared code every route may use.</summary>
    public static bool IsPrivate(string name) => name.StartsWith('_') || name.StartsWith('.');

    /// <param name="realFolder">The folder's path with its own symbolic link resolved: a link back to it or above it is a loop.</param>
    private static void WalkFolder(
        string folder, IReadOnlyList<RouteSegment> prefix, string relativeFolder, string realFolder, List<RouteFile> files, DiagnosticList diagnostics)
    {
        string[] filePaths, folderPaths;
        try
        {
            filePaths = Directory.GetFiles(folder, "*.cs");
            folderPaths = Directory.GetDirectories(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(RouteDiagnostics.UnreadableRouteFile(relativeFolder + "/", ex.Message));
            return;
        }

        foreach (var path in filePaths.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (IsPrivate(name))
            {
                continue;
            }

            var relative = $"{relativeFolder}/{Path.GetFileName(path)}";
            if (Refused(name, relative, checkSegment: name != "index", diagnostics) || !Readable(path, relative, diagnostics))
            {
                continue;
            }

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

        foreach (var path in folderPaths.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (IsPrivate(name))
            {
                continue;
            }

            var relative = $"{relativeFolder}/{name}";
            if (Refused(name, relative + "/", checkSegment: !IsGroup(name), diagnostics))
            {
                continue;
            }

            var realPath = Path.Combine(realFolder, name);
            if (Directory.ResolveLinkTarget(path, returnFinalTarget: true) is { } target)
            {
                realPath = Path.GetFullPath(target.FullName);
                if (realFolder == realPath || realFolder.StartsWith(realPath.TrimEnd('/') + "/", StringComparison.Ordinal))
                {
                    diagnostics.Add(RouteDiagnostics.SymlinkLoop(relative, realPath));
                    continue;
                }
            }

            if (IsGroup(name))
            {
                WalkFolder(path, prefix, relative, realPath, files, diagnostics);
                continue;
            }

            var segment = SegmentParser.Parse(name, relative + "/", diagnostics);
            if (segment is not null)
            {
                WalkFolder(path, [.. prefix, segment], relative, realPath, files, diagnostics);
            }
        }
    }

    /// <summary>A route file must open for reading: a broken symbolic link or a file without read permission is a clear error.</summary>
    private static bool Readable(string path, string relative, DiagnosticList diagnostics)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var link = new FileInfo(path).LinkTarget;
            diagnostics.Add(RouteDiagnostics.UnreadableRouteFile(relative,
                link is not null && ex is FileNotFoundException or DirectoryNotFoundException ? $"it is a broken symbolic link (to {link})." : ex.Message));
            return false;
        }
    }

    private static bool IsGroup(string name) => name.Length > 2 && name.StartsWith('(') && name.EndsWith(')');
}
