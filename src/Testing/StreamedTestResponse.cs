using System.Text;

namespace LambdaRoutes.Testing;

/// <summary>
/// A streaming route's answer as Lambda's response streaming carries it (aws.md §1.6): the prelude (status, headers,
/// cookies) and the body chunks in the order the handler wrote them.
/// </summary>
public sealed class StreamedTestResponse
{
    internal StreamedTestResponse(int statusCode, IReadOnlyDictionary<string, string> headers, IReadOnlyList<string> cookies,
        IReadOnlyList<byte[]> chunks, Exception? error, TestLambdaContext context)
    {
        StatusCode = statusCode;
        Headers = headers;
        Cookies = cookies;
        Chunks = chunks;
        Error = error;
        Context = context;
    }

    /// <summary>The status from the prelude.</summary>
    public int StatusCode { get; }

    /// <summary>The prelude's headers (case-insensitive; repeated headers joined with <c>", "</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The <c>Set-Cookie</c> values from the prelude's <c>cookies</c>.</summary>
    public IReadOnlyList<string> Cookies { get; }

    /// <summary>The body chunks after the prelude, one per write.</summary>
    public IReadOnlyList<byte[]> Chunks { get; }

    /// <summary>The body chunks as UTF-8 text.</summary>
    public IReadOnlyList<string> TextChunks => Chunks.Select(c => Encoding.UTF8.GetString(c)).ToArray();

    /// <summary>The whole body as UTF-8 text.</summary>
    public string Body => string.Concat(TextChunks);

    /// <summary>The exception that ended the stream early (on Lambda: the error trailers), or null.</summary>
    public Exception? Error { get; }

    /// <summary>The context the route ran with.</summary>
    public TestLambdaContext Context { get; }

    /// <summary>What the route logged.</summary>
    public TestLambdaLogger Log => Context.Logger;

    /// <summary>Header <paramref name="name"/>, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
