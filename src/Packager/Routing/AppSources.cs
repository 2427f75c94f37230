namespace LambdaRoutes.Packager.Routing;

/// <summary>
/// The files of an app that feed its compilation: sources and MSBuild files, outside build output
/// (<c>bin/</c>, <c>obj/</c>, dot-folders such as <c>.lambda-routes/</c>). Paths are app-relative, '/'-separated, ordinal-sorted.
/// </summary>
internal static class AppSources
{
    private static readonly string[] Extensions = [".cs", ".csproj", ".props", ".targets"];

    public static IReadOnlyList<string> Enumerate(string appDir)
    {
        var files = new List<string>();
        Walk(appDir, appDir, files);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void Walk(string root, string folder, List<string> files)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                // Only the OS separator becomes '/': on Linux a backslash is part of a name, not a separator.
                files.Add(Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }

        foreach (var dir in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(dir);
            if (name is "bin" or "obj" or "node_modules" || name.StartsWith('.'))
            {
                continue;
            }

            // A symbolic link back to this folder or above it would never end (RouteFileWalker reports it as LR0006).
            if (Directory.ResolveLinkTarget(dir, returnFinalTarget: true) is { } target)
            {
                var real = Path.GetFullPath(target.FullName).TrimEnd('/') + "/";
                if ((Path.GetFullPath(folder).TrimEnd('/') + "/").StartsWith(real, StringComparison.Ordinal))
                {
                    continue;
                }
            }

            Walk(root, dir, files);
        }
    }
}
