using System.Globalization;
using System.Text.RegularExpressions;

namespace LambdaRoutes.Packager.Routing;

/// <summary>
/// Next's body size notation (the <c>bytes</c> package it uses for <c>api.bodyParser.sizeLimit</c>):
/// a number with an optional unit b/kb/mb/gb/tb, powers of 1024, case-insensitive; a bare number is bytes.
/// </summary>
internal static partial class BodySize
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var match = Notation().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        var power = unit switch { "kb" => 1, "mb" => 2, "gb" => 3, "tb" => 4, _ => 0 };
        bytes = (long)Math.Floor(value * Math.Pow(1024, power));
        return bytes > 0;
    }

    [GeneratedRegex(@"^(?<value>\d+(?:\.\d+)?) *(?<unit>b|kb|mb|gb|tb)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Notation();
}
