using System.Text;
using LambdaRoutes.Mapping;

namespace LambdaRoutes.Runtime.Tests.Mapping;

/// <summary>
/// Base64 bodies are decoded from the event's UTF-8 bytes without a string in between; what is accepted and what is
/// refused stays what <see cref="Convert.FromBase64String"/> accepts and refuses.
/// </summary>
public sealed class BodyDecodingTests
{
    [Theory]
    [InlineData("aGVsbG8=")]
    [InlineData("aGVs bG8=")]
    [InlineData("aGVs\r\nbG8=\n")]
    [InlineData("\taGVsbG8=  ")]
    [InlineData("aGVsbG8")]       // no padding
    [InlineData("aGVsbG8==")]     // too much padding
    [InlineData("aGV*bG8=")]      // not the alphabet
    [InlineData("aGVsbG8=aGVs")]  // data after padding
    [InlineData("a")]
    [InlineData("    ")]
    [InlineData("+/+/")]
    [InlineData("-_-_")]          // base64url is not base64
    public void Accepts_and_decodes_exactly_what_convert_from_base64_string_does(string text)
    {
        byte[]? expected;
        try { expected = Convert.FromBase64String(text); }
        catch (FormatException) { expected = null; }

        var (body, invalid) = BodyDecoding.Decode(Encoding.UTF8.GetBytes(text), isBase64Encoded: true);

        if (expected is null)
        {
            Assert.True(invalid);
            Assert.Empty(body);
        }
        else
        {
            Assert.False(invalid);
            Assert.Equal(expected, body);
        }
    }

    [Fact]
    public void Random_bytes_round_trip_at_every_length_up_to_a_few_blocks()
    {
        var random = new Random(7);
        for (var length = 0; length < 200; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            var (body, invalid) = BodyDecoding.Decode(Encoding.ASCII.GetBytes(Convert.ToBase64String(bytes)), isBase64Encoded: true);
            Assert.False(invalid);
            Assert.Equal(bytes, body);
        }
    }

    [Fact]
    public void A_text_body_is_its_bytes_and_an_absent_one_is_empty_whatever_the_flag()
    {
        Assert.Equal("a+b="u8.ToArray(), BodyDecoding.Decode("a+b="u8.ToArray(), isBase64Encoded: false).Body);
        Assert.Equal((Array.Empty<byte>(), false), BodyDecoding.Decode(ReadOnlyMemory<byte>.Empty, isBase64Encoded: true));
    }
}
