using System.Text;

namespace LambdaRoutes;

/// <summary>
/// The body of a streamed response. On a streaming route every write is sent at once as one HTTP chunk to the Runtime
/// API (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming: "each write = one chunk; flush to get low TTFB"); elsewhere writes are collected into one body.
/// </summary>
public sealed class ResponseStream
{
    private readonly Func<ReadOnlyMemory<byte>, Task> _sink;

    internal ResponseStream(Func<ReadOnlyMemory<byte>, Task> sink) => _sink = sink;

    /// <summary>Bytes written so far.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Writes bytes. An empty write sends nothing (a zero-length chunk would end the stream).</summary>
    public Task WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.IsEmpty) return Task.CompletedTask;
        BytesWritten += bytes.Length;
        return _sink(bytes);
    }

    /// <summary>Writes text as UTF-8.</summary>
    public Task WriteAsync(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WriteAsync(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Writes one server-sent event (<c>event:</c> when named, one <c>data:</c> line per line of <paramref name="data"/>, blank line).</summary>
    public Task WriteEventAsync(string data, string? eventName = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = new StringBuilder();
        if (eventName is not null) text.Append("event: ").Append(eventName.Replace("\n", "", StringComparison.Ordinal)).Append('\n');
        foreach (var line in data.Split('\n')) text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        return WriteAsync(text.Append('\n').ToString());
    }
}
