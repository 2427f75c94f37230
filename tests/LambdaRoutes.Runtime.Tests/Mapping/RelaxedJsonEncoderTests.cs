using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LambdaRoutes.Json;
using LambdaRoutes.Mapping;

namespace LambdaRoutes.Runtime.Tests.Mapping;

/// <summary>
/// The runtime's ASCII-first encoder writes exactly what <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>
/// writes, through every path the runtime uses: Utf8JsonWriter from UTF-16 and from UTF-8, and the response body's
/// step-wise escaping.
/// </summary>
public sealed class RelaxedJsonEncoderTests
{
    private static readonly JavaScriptEncoder Reference = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private static readonly JavaScriptEncoder Ours = RelaxedJsonEncoder.Instance;

    [Fact]
    public void Every_bmp_character_is_escaped_like_the_relaxed_encoder()
    {
        var mismatches = new List<string>();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var text = "a" + (char)c + "b";
            if (Written(Ours, text) != Written(Reference, text)) mismatches.Add($"U+{c:X4}");
            // A lone surrogate is not a scalar value: both encoders reject it in WillEncode.
            if (!char.IsSurrogate((char)c) && Ours.WillEncode(c) != Reference.WillEncode(c)) mismatches.Add($"WillEncode U+{c:X4}");
        }
        Assert.Empty(mismatches);
    }

    public static TheoryData<string> Texts() => new()
    {
        "",
        "plain ascii",
        "quote \" backslash \\ slash / backtick ` plus + html <a href='x'>&amp;</a>",
        "controls \u0000\u0001\b\f\n\r\t\u001f\u007f",
        "ascii then latin é ü ß, CJK 漢字, emoji 😀👍🏽 then \"ascii\" again\n",
        "separators \u2028 \u2029, BOM \uFEFF, replacement \uFFFD, private use \uE000, lone \uD800 surrogate",
        "é first",
        string.Concat(Enumerable.Repeat("x\"\n", 30_000)) + "😀",       // ASCII escapes across step borders, then non-ASCII
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Writes_text_like_the_relaxed_encoder(string text)
    {
        Assert.Equal(Written(Reference, text), Written(Ours, text));
        var utf8 = Encoding.UTF8.GetBytes(text);
        Assert.Equal(WrittenUtf8(Reference, utf8), WrittenUtf8(Ours, utf8));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Escapes_response_bodies_like_the_relaxed_encoder(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        Assert.Equal(Escaped(Reference, utf8), Escaped(Ours, utf8));
    }

    [Fact]
    public void Says_where_the_first_escape_is_like_the_relaxed_encoder()
    {
        foreach (var text in new[] { "abc", "ab\"c", "abé", "ab\u2028c", "ab😀\nc", "é\"", "" })
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            Assert.Equal(Reference.FindFirstCharacterToEncodeUtf8(utf8), Ours.FindFirstCharacterToEncodeUtf8(utf8));
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Encodes_utf16_like_the_relaxed_encoder(string text) => Assert.Equal(Reference.Encode(text), Ours.Encode(text));

    [Fact]
    public void Stops_with_destination_too_small_at_an_escape_that_does_not_fit()
    {
        var status = Ours.EncodeUtf8("ab\"c"u8, new byte[3], out var consumed, out var written);

        Assert.Equal(OperationStatus.DestinationTooSmall, status);
        Assert.Equal(2, consumed);
        Assert.Equal(2, written);
    }

    [Fact]
    public void Encodes_in_pieces_of_any_size_like_the_relaxed_encoder_in_one()
    {
        // Long enough for the vectorised runs, then the unit-by-unit tail; every destination size ends pieces at a
        // different place, also in the middle of a six-byte escape that then has to wait for the next piece.
        var text = "{\"message\":\"hi, Ada\",\"count\":4,\"html\":\"<b>&amp;</b>\",\"tab\":\"\t\",\"nul\":\"\u0000\"}"
                   + string.Concat(Enumerable.Repeat("plain run of ascii text, ", 4)) + "\"\\\u001f end";
        var utf8 = Encoding.UTF8.GetBytes(text);
        var expected = Escaped(Reference, utf8);
        for (var size = 6; size <= 80; size++)
        {
            var output = new List<byte>();
            var piece = new byte[size];
            var rest = utf8.AsSpan();
            while (!rest.IsEmpty)
            {
                var status = Ours.EncodeUtf8(rest, piece, out var consumed, out var written);
                Assert.True(status is OperationStatus.Done or OperationStatus.DestinationTooSmall, $"size {size}: {status}");
                Assert.True(consumed > 0, $"size {size}: no progress");
                output.AddRange(piece.AsSpan(0, written).ToArray());
                rest = rest[consumed..];
            }
            Assert.Equal(expected, Encoding.UTF8.GetString(output.ToArray()));
        }
    }

    private static string Written(JavaScriptEncoder encoder, string text) =>
        Written(encoder, writer => writer.WriteString(text, text));

    private static string WrittenUtf8(JavaScriptEncoder encoder, byte[] utf8) =>
        Written(encoder, writer => writer.WriteString(utf8, utf8));

    private static string Written(JavaScriptEncoder encoder, Action<Utf8JsonWriter> property)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            writer.WriteStartObject();
            property(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Escaped(JavaScriptEncoder encoder, byte[] utf8)
    {
        var escaped = new byte[JsonStringEscaper.EscapedLength(utf8, encoder)];
        JsonStringEscaper.Escape(utf8, escaped, encoder);
        return Encoding.UTF8.GetString(escaped);
    }
}
