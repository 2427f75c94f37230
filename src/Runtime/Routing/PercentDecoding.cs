using System.Text;

namespace LambdaRoutes.Routing;

/// <summary>Percent-decoding with JavaScript's two flavours: strict <c>decodeURIComponent</c> and lenient <c>querystring.unescape</c>.</summary>
internal static class PercentDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary><c>decodeURIComponent</c>: false on a malformed escape or bytes that are not UTF-8 (Next answers 400).</summary>
    public static bool TryDecodeComponent(string text, out string decoded)
    {
        decoded = text;
        if (!text.Contains('%')) return true;
        var builder = new StringBuilder(text.Length);
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length;)
        {
            if (text[i] != '%') { builder.Append(text[i++]); continue; }
            bytes.Clear();
            while (i < text.Length && text[i] == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2])) return false;
                bytes.Add(HexByte(text, i + 1));
                i += 3;
            }
            try { builder.Append(StrictUtf8.GetString(bytes.ToArray())); }
            catch (DecoderFallbackException) { return false; }
        }
        decoded = builder.ToString();
        return true;
    }

    /// <summary>
    /// Node's <c>querystring.unescape</c> as used for queries and urlencoded forms: <c>+</c> is a space, malformed
    /// escapes stay as written, escaped bytes that are not UTF-8 become U+FFFD.
    /// </summary>
    public static string DecodeQueryComponent(string text)
    {
        if (!text.Contains('%') && !text.Contains('+')) return text;
        var builder = new StringBuilder(text.Length);
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length;)
        {
            if (IsEscape(text, i))
            {
                bytes.Clear();
                while (IsEscape(text, i)) { bytes.Add(HexByte(text, i + 1)); i += 3; }
                builder.Append(Encoding.UTF8.GetString(bytes.ToArray()));
                continue;
            }
            builder.Append(text[i] == '+' ? ' ' : text[i]);
            i++;
        }
        return builder.ToString();
    }

    private static bool IsEscape(string text, int i) =>
        i + 2 < text.Length && text[i] == '%' && IsHex(text[i + 1]) && IsHex(text[i + 2]);

    private static byte HexByte(string text, int at) => (byte)((HexValue(text[at]) << 4) | HexValue(text[at + 1]));

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';
}
