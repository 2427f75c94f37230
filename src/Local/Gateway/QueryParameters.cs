namespace LambdaRoutes.Local.Gateway;

/// <summary>Splits a raw query string into decoded name/value pairs, in order, the way API Gateway fills its query maps.</summary>
internal static class QueryParameters
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }

        return pairs;
    }

    /// <summary>Form decoding: <c>+</c> is a space, then percent-decoding (malformed escapes are kept as sent).</summary>
    public static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
