using LambdaRoutes.Routing;

namespace LambdaRoutes.Mapping;

/// <summary>
/// Parses <c>a=1&amp;b=2&amp;a=3</c> as Node's <c>querystring.parse</c> does (used by Next for <c>req.query</c> and urlencoded
/// bodies, Next.js packages/next/src/server/api-utils/node/parse-body.ts): repeated keys collect every value, <c>+</c> is a space, no bracket nesting,
/// a key without <c>=</c> has the value <c>""</c>.
/// </summary>
internal static class QueryStringParser
{
    public static ParamMap Parse(string? query)
    {
        var map = new ParamMap();
        if (string.IsNullOrEmpty(query)) return map;
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0) continue;
            var eq = pair.IndexOf('=');
            var key = PercentDecoding.DecodeQueryComponent(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : PercentDecoding.DecodeQueryComponent(pair[(eq + 1)..]);
            map.Add(key, value);
        }
        return map;
    }
}
