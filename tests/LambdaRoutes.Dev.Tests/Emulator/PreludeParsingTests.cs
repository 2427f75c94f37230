using System.Text;
using LambdaRoutes.Contracts.Events;

namespace LambdaRoutes.Dev.Tests.Emulator;

/// <summary>The HTTP integration framing of a streamed response (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming), without any process.</summary>
public sealed class PreludeParsingTests
{
    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    [Fact]
    public void Delimiter_split_over_chunks_is_found_and_body_bytes_after_it_are_kept()
    {
        var splitter = new PreludeSplitter();
        var nuls = new byte[8];

        Assert.False(splitter.TryAdd(Bytes("{\"statusCode\":201}"), out _, out _));
        Assert.False(splitter.TryAdd(nuls.AsMemory(0, 3), out _, out _));
        Assert.True(splitter.TryAdd(nuls.AsMemory(3).ToArray().Concat(Encoding.UTF8.GetBytes("body\0\0\0\0\0\0\0\0tail")).ToArray(), out var prelude, out var body));

        Assert.True(splitter.IsComplete);
        Assert.Equal("{\"statusCode\":201}", Text(prelude));
        Assert.Equal("body\0\0\0\0\0\0\0\0tail", Text(body));
        Assert.Throws<InvalidOperationException>(() => splitter.TryAdd(Bytes("more"), out _, out _));
    }

    [Fact]
    public void Prelude_and_empty_body_in_one_chunk()
    {
        var splitter = new PreludeSplitter();

        Assert.True(splitter.TryAdd(Bytes("{}\0\0\0\0\0\0\0\0"), out var prelude, out var body));
        Assert.Equal("{}", Text(prelude));
        Assert.True(body.IsEmpty);
    }

    [Fact]
    public void Seven_nuls_are_not_a_delimiter()
    {
        var splitter = new PreludeSplitter();

        Assert.False(splitter.TryAdd(Bytes("{}\0\0\0\0\0\0\0x"), out _, out _));
        Assert.Equal(10, splitter.BufferedBytes);
        Assert.False(splitter.IsComplete);
    }

    [Fact]
    public void Prelude_gives_status_headers_multi_value_headers_and_cookies()
    {
        var prelude = HttpIntegrationPrelude.Parse(Bytes(
            """{"statusCode":418,"headers":{"content-type":"text/event-stream"},"multiValueHeaders":{"x-a":["1","2"]},"cookies":["a=1; Path=/","b=2"]}""").Span);

        Assert.Equal(418, prelude.StatusCode);
        Assert.Equal(
            new KeyValuePair<string, string>[] { new("content-type", "text/event-stream"), new("x-a", "1"), new("x-a", "2") },
            prelude.Headers);
        Assert.Equal(new[] { "a=1; Path=/", "b=2" }, prelude.Cookies);
    }

    [Fact]
    public void A_prelude_without_status_is_a_200()
    {
        var prelude = HttpIntegrationPrelude.Parse(Bytes("""{"headers":null}""").Span);

        Assert.Equal(200, prelude.StatusCode);
        Assert.Empty(prelude.Headers);
        Assert.Empty(prelude.Cookies);
    }

    [Theory]
    [InlineData("not json", "the prelude is not JSON")]
    [InlineData("[1,2]", "the prelude is a JSON array, not an object")]
    [InlineData("""{"statusCode":"200"}""", "statusCode \"200\" is not an integer from 100 to 599")]
    [InlineData("""{"statusCode":42}""", "statusCode 42 is not an integer from 100 to 599")]
    [InlineData("""{"headers":{"x-n":5}}""", "headers.x-n is 5, not a string")]
    [InlineData("""{"headers":[]}""", "headers is not an object")]
    [InlineData("""{"multiValueHeaders":{"x":"one"}}""", "multiValueHeaders.x is not an array")]
    [InlineData("""{"cookies":"a=1"}""", "cookies is not an array")]
    public void A_bad_prelude_says_what_is_wrong(string json, string message)
    {
        var error = Assert.Throws<MalformedPreludeException>(() => HttpIntegrationPrelude.Parse(Bytes(json).Span));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
