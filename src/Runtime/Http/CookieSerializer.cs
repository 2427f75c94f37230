using System.Globalization;

namespace LambdaRoutes.Http;

/// <summary>
/// Builds a <c>Set-Cookie</c> value as the <c>cookie</c> package's <c>serialize</c> does: the value percent-encoded
/// (<c>encodeURIComponent</c>), then <c>Max-Age</c>, <c>Domain</c>, <c>Path</c>, <c>Expires</c>, <c>HttpOnly</c>,
/// <c>Secure</c>, <c>SameSite</c>. A name that is not an HTTP token, or an attribute with CR/LF or <c>;</c>, is refused.
/// </summary>
internal static class CookieSerializer
{
    public static string Serialize(string name, string value, CookieOptions? options)
    {
        HeaderValidation.ValidateName(name);
        ArgumentNullException.ThrowIfNull(value);
        var parts = new List<string> { name + "=" + Uri.EscapeDataString(value) };
        if (options is not null)
        {
            if (options.MaxAge is { } maxAge)
                parts.Add("Max-Age=" + ((long)Math.Floor(maxAge.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
            if (options.Domain is { } domain) parts.Add("Domain=" + Attribute("domain", domain));
            if (options.Path is { } path) parts.Add("Path=" + Attribute("path", path));
            if (options.Expires is { } expires)
                parts.Add("Expires=" + expires.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture));
            if (options.HttpOnly) parts.Add("HttpOnly");
            if (options.Secure) parts.Add("Secure");
            if (options.SameSite != SameSiteMode.Unspecified) parts.Add("SameSite=" + options.SameSite);
        }
        return string.Join("; ", parts);
    }

    private static string Attribute(string what, string value)
    {
        if (value.Any(c => c < 0x20 || c == 0x7F || c == ';'))
            throw new ArgumentException($"Cookie option {what} is invalid: \"{value}\"");
        return value;
    }
}
