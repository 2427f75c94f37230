namespace LambdaRoutes.Routing;

/// <summary>
/// Next's built-in path redirects (nextjs.md §1.7–1.8, default <c>trailingSlash: false</c>): a trailing slash, repeated
/// slashes or a backslash get a 308 to the normalised path, query preserved. Returns null when the path is already normal.
/// </summary>
internal static class PathNormalizer
{
    public static string? RedirectTarget(string path)
    {
        if (path.Length <= 1) return null;
        var normal = path.Replace('\\', '/');
        while (normal.Contains("//", StringComparison.Ordinal)) normal = normal.Replace("//", "/", StringComparison.Ordinal);
        if (normal.Length > 1 && normal.EndsWith('/')) normal = normal.TrimEnd('/');
        if (normal.Length == 0) normal = "/";
        return normal == path ? null : normal;
    }
}
