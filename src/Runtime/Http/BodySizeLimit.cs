using System.Globalization;

namespace LambdaRoutes.Http;

/// <summary>
/// A body size limit in Next's notation (the <c>bytes</c> package, Next.js packages/next/src/server/api-utils/node/parse-body.ts): <c>"1mb"</c>, <c>"500kb"</c>,
/// <c>"1.5mb"</c>, or a plain byte count; units are powers of 1024. The original text is kept for the 413 message
/// (<c>Body exceeded 1mb limit</c>).
/// </summary>
internal sealed record BodySizeLimit(long Bytes, string Text)
{
    public static BodySizeLimit Default { get; } = new(1024 * 1024, "1mb");

    /// <exception cref="FormatException">The text is not a size.</exception>
    public static BodySizeLimit Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Default;
        var t = text.Trim().ToLowerInvariant();
        var unitStart = t.Length;
        while (unitStart > 0 && char.IsLetter(t[unitStart - 1])) unitStart--;
        var number = t[..unitStart].Trim();
        var unit = t[unitStart..];
        long multiplier = unit switch
        {
            "" or "b" => 1,
            "kb" => 1L << 10,
            "mb" => 1L << 20,
            "gb" => 1L << 30,
            "tb" => 1L << 40,
            "pb" => 1L << 50,
            _ => throw new FormatException($"Invalid body size limit \"{text}\": unknown unit \"{unit}\" (use b, kb, mb or gb)."),
        };
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < 0)
            throw new FormatException($"Invalid body size limit \"{text}\".");
        return new BodySizeLimit((long)Math.Floor(value * multiplier), text.Trim());
    }
}
