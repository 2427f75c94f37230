namespace LambdaRoutes.Http;

/// <summary>
/// Refuses header names and values that would break the HTTP framing API Gateway writes (response splitting).
/// The messages are Node's (<c>ERR_INVALID_HTTP_TOKEN</c>, <c>ERR_INVALID_CHAR</c>): thrown inside a handler they
/// become a logged 500, as in Next: header values with CR/LF are refused (500, logged) rather than sent.
/// </summary>
internal static class HeaderValidation
{
    public static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !name.All(IsTokenChar))
            throw new ArgumentException($"Header name must be a valid HTTP token [\"{name}\"]", nameof(name));
    }

    public static void ValidateValue(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
        {
            // RFC 9110 field-value: visible characters, SP and HTAB; obs-text (0x80–0xFF) is tolerated as Node does.
            if (c == '\t') continue;
            if (c < 0x20 || c == 0x7F || c > 0xFF)
                throw new ArgumentException($"Invalid character in header content [\"{name}\"]", nameof(value));
        }
    }

    private static bool IsTokenChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
          or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
