using System.Text;

namespace LambdaRoutes.Forms;

/// <summary>
/// Splits a header like <c>form-data; name="a;b"; filename="x.txt"</c> into its value and parameters, honouring quoted
/// strings and backslash escapes (RFC 9110 §5.6.6) so a <c>;</c> inside quotes does not split.
/// </summary>
internal static class HeaderParameters
{
    public static (string Value, List<(string Name, string Value)> Parameters) Parse(string header)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < header.Length; i++)
        {
            var c = header[i];
            if (quoted && c == '\\' && i + 1 < header.Length) { current.Append(c).Append(header[++i]); continue; }
            if (c == '"') quoted = !quoted;
            if (c == ';' && !quoted) { parts.Add(current.ToString()); current.Clear(); continue; }
            current.Append(c);
        }
        parts.Add(current.ToString());

        var parameters = new List<(string, string)>();
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) continue;
            parameters.Add((part[..eq].Trim(), Unquote(part[(eq + 1)..].Trim())));
        }
        return (parts[0].Trim(), parameters);
    }

    private static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"') return value;
        var result = new StringBuilder(value.Length);
        for (var i = 1; i < value.Length - 1; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length - 1) i++;
            result.Append(value[i]);
        }
        return result.ToString();
    }
}
