namespace LambdaRoutes.Contracts.Events;

/// <summary>Splits a raw query string into decoded name/value pairs, in order, the way API Gateway fills its query maps.</summary>
internal static class QueryString
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

    /// <summary>One pair as a test writes it into a query string: both sides percent-encoded.</summary>
    public static string Encode(string name, string value) => Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
}
