using System.Globalization;

namespace LambdaRoutes.Packager.Caching;

/// <summary>The limits of <c>cache prune</c> as written on the command line: sizes <c>500MB</c>, <c>2GB</c>; ages <c>30d</c>, <c>12h</c>.</summary>
internal static class CacheLimits
{
    public static bool TryParseSize(string text, out long bytes)
    {
        var (number, unit) = Split(text.Trim());
        var scale = unit.ToUpperInvariant() switch
        {
            "" or "B" => 1L,
            "KB" => 1L << 10,
            "MB" => 1L << 20,
            "GB" => 1L << 30,
            _ => 0L,
        };
        bytes = 0;
        if (scale == 0 || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value * scale > long.MaxValue)
        {
            return false;
        }

        bytes = (long)(value * scale);
        return true;
    }

    public static bool TryParseAge(string text, out TimeSpan age)
    {
        var (number, unit) = Split(text.Trim());
        age = TimeSpan.Zero;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 36500)
        {
            return false;
        }

        age = unit switch
        {
            "d" => TimeSpan.FromDays(value),
            "h" => TimeSpan.FromHours(value),
            "m" => TimeSpan.FromMinutes(value),
            _ => TimeSpan.MinValue,
        };
        return age != TimeSpan.MinValue;
    }

    private static (string Number, string Unit) Split(string text)
    {
        var digits = text.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').Count();
        return (text[..digits], text[digits..].Trim());
    }
}
