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
                files.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
            }
        }

        foreach (var dir in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(dir);
            if (name is "bin" or "obj" or "node_modules" || name.StartsWith('.'))
            {
                continue;
            }

            Walk(root, dir, files);
        }
    }
}
