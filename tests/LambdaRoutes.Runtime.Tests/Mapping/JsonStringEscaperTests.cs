using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LambdaRoutes.Mapping;

namespace LambdaRoutes.Runtime.Tests.Mapping;

/// <summary>
/// The response body's JSON string, escaped in steps into an exact-size array, is byte for byte what Utf8JsonWriter
/// with the same encoder writes for it.
/// </summary>
public sealed class JsonStringEscaperTests
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static TheoryData<string> Texts() => new()
    {
        "",
        "plain ascii",
        "quote \" backslash \\ slash /",
        "controls \u0000\u0001\b\f\n\r\t\u001f\u007f",
        "html <script>&amp;'</script>",
        "latin é ü ß, CJK 漢字, emoji 😀👍🏽",
        "separators \u2028 \u2029, BOM \uFEFF, replacement \uFFFD",
        new string('x', 40_000) + "\"" + new string('y', 40_000),           // one escape past the scratch size
        string.Concat(Enumerable.Repeat("😀\"\n", 30_000)),                  // multi-byte and escapes across step borders
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Escapes_like_utf8_json_writer(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);

        var length = JsonStringEscaper.EscapedLength(utf8, Encoder);
        var escaped = new byte[length];
        JsonStringEscaper.Escape(utf8, escaped, Encoder);

        Assert.Equal(WrittenByUtf8JsonWriter(utf8), Encoding.UTF8.GetString(escaped));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_runtime_encoder_counts_and_escapes_like_utf8_json_writer_with_the_relaxed_encoder(string text)
    {
        // RelaxedJsonEncoder counts ASCII text instead of escaping it to measure: the count must be the escaped length.
        var utf8 = Encoding.UTF8.GetBytes(text);
        var encoder = LambdaRoutes.Json.RelaxedJsonEncoder.Instance;

        var length = JsonStringEscaper.EscapedLength(utf8, encoder);
        var escaped = new byte[length];
        JsonStringEscaper.Escape(utf8, escaped, encoder);

        Assert.Equal(WrittenByUtf8JsonWriter(utf8), Encoding.UTF8.GetString(escaped));
    }

    [Fact]
    public void A_destination_of_the_wrong_size_is_refused_not_filled_partly()
    {
        var utf8 = "a\"b"u8.ToArray();
        Assert.Throws<InvalidOperationException>(() => JsonStringEscaper.Escape(utf8, new byte[3], Encoder));
        Assert.Throws<InvalidOperationException>(() => JsonStringEscaper.Escape(utf8, new byte[5], Encoder));
    }

    private static string WrittenByUtf8JsonWriter(byte[] utf8)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Encoder }))
            writer.WriteStringValue(utf8);
        var json = Encoding.UTF8.GetString(stream.ToArray());
        return json[1..^1]; // without the quotes
    }
}
