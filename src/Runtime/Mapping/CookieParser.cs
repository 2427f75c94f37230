namespace LambdaRoutes.Mapping;

/// <summary>
/// Parses a <c>Cookie</c> header as the <c>cookie</c> package's <c>parse</c> does (Next's <c>req.cookies</c>,
/// Next.js packages/next/src/server/api-utils/get-cookie-parser.ts): <c>;</c>-separated <c>name=value</c> pairs, trimmed, surrounding quotes removed, values
/// percent-decoded when that succeeds, the first occurrence of a name wins; pairs without <c>=</c> are ignored.
/// </summary>
internal static class CookieParser
{
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> cookieHeaders)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in cookieHeaders)
        {
            foreach (var pair in header.Split(';'))
            {
                var eq = pair.IndexOf('=');
                if (eq < 0) continue;
                var name = pair[..eq].Trim();
                if (name.Length == 0 || cookies.ContainsKey(name)) continue;
                var value = pair[(eq + 1)..].Trim();
                if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') value = value[1..^1];
                cookies[name] = Routing.PercentDecoding.TryDecodeComponent(value, out var decoded) ? decoded : value;
            }
        }
        return cookies;
    }
}
