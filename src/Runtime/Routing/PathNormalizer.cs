namespace LambdaRoutes.Routing;

/// <summary>
/// Next's built-in path redirects (Next.js packages/next/src/lib/load-custom-routes.ts, default <c>trailingSlash: false</c>): a trailing slash, repeated
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

    /// <summary>
    /// A path as it may appear in a <c>Location</c> header: spaces and non-ASCII percent-encoded as UTF-8 (HTTP API
    /// decodes <c>%20</c> in <c>rawPath</c>, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html; Node's <c>req.url</c> is always encoded). Existing escapes stay.
    /// </summary>
    public static string EncodeForLocation(string path)
    {
        if (path.All(c => c is > ' ' and < (char)0x7F)) return path;
        var builder = new System.Text.StringBuilder(path.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in path.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7F) { builder.Append((char)rune.Value); continue; }
            var n = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..n]) builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
