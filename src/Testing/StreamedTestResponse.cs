using System.Text;

namespace LambdaRoutes.Testing;

/// <summary>
/// A streaming route's answer as Lambda's response streaming carries it (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming): the prelude (status, headers,
/// cookies) and the body chunks in the order the handler wrote them.
/// </summary>
public sealed class StreamedTestResponse : TestResponse
{
    internal StreamedTestResponse(int statusCode, IReadOnlyDictionary<string, string> headers, IReadOnlyList<string> cookies,
        IReadOnlyList<byte[]> chunks, Exception? error, TestLambdaContext context)
        : base(statusCode, cookies, context)
    {
        Headers = headers;
        Chunks = chunks;
        Error = error;
    }

    /// <summary>The prelude's headers (case-insensitive; repeated headers joined with <c>", "</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body chunks after the prelude, one per write.</summary>
    public IReadOnlyList<byte[]> Chunks { get; }

    /// <summary>The body chunks as UTF-8 text.</summary>
    public IReadOnlyList<string> TextChunks => Chunks.Select(c => Encoding.UTF8.GetString(c)).ToArray();

    /// <summary>The whole body as UTF-8 text.</summary>
    public string Body => string.Concat(TextChunks);

    /// <summary>The exception that ended the stream early (on Lambda: the error trailers), or null.</summary>
    public Exception? Error { get; }

    /// <summary>Header <paramref name="name"/> from the prelude (repeated values joined), or null.</summary>
    public override string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
