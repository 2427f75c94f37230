namespace LambdaRoutes.Mapping;

/// <summary>
/// Parses a <c>Cookie</c> header as the <c>cookie</c> package's <c>parse</c> does (Next's <c>req.cookies</c>,
/// Next.js packages/next/src/server/api-utils/get-cookie-parser.ts): <c>;</c>-separated <c>name=value</c> pairs, trimmed, surrounding quotes removed, values
/// percent-decoded when that succeeds, the first occurrence of a name wins; pairs without <c>=</c> are ignored.
/// </summary>
internal static class CookieParser
{
    public static IReadOnlyDictionary<string, string> Parse(IReadOnlyList<string> cookieHeaders)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        // Walked as spans: only each cookie's name and value become strings (Split and Trim made four per pair).
        for (var i = 0; i < cookieHeaders.Count; i++)
        {
            var rest = cookieHeaders[i].AsSpan();
            while (true)
            {
                var semicolon = rest.IndexOf(';');
                Add(semicolon < 0 ? rest : rest[..semicolon], cookies);
                if (semicolon < 0) break;
                rest = rest[(semicolon + 1)..];
            }
        }
        return cookies;
    }

    private static void Add(ReadOnlySpan<char> pair, Dictionary<string, string> cookies)
    {
        var eq = pair.IndexOf('=');
        if (eq < 0) return;
        var nameSpan = pair[..eq].Trim();
        if (nameSpan.IsEmpty) return;
        var name = nameSpan.ToString();
        if (cookies.ContainsKey(name)) return;
        var valueSpan = pair[(eq + 1)..].Trim();
        if (valueSpan.Length >= 2 && valueSpan[0] == '"' && valueSpan[^1] == '"') valueSpan = valueSpan[1..^1];
        var value = valueSpan.ToString();
        cookies[name] = Routing.PercentDecoding.TryDecodeComponent(value, out var decoded) ? decoded : value;
    }
}
