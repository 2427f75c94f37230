namespace LambdaRoutes.Contracts.Events;

/// <summary>
/// Finds the end of an HTTP integration prelude in a streamed body (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming: prelude JSON, 8 NUL bytes, body),
/// whatever the chunk boundaries: the delimiter may be split over chunks, and the first chunk may carry body bytes too.
/// </summary>
internal sealed class PreludeSplitter
{
    /// <summary>The NUL bytes between the prelude and the body.</summary>
    public const int DelimiterLength = 8;

    private static readonly byte[] Delimiter = new byte[DelimiterLength];
    private readonly MemoryStream _prelude = new();

    /// <summary>True once the delimiter was found.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Bytes held while looking for the delimiter.</summary>
    public long BufferedBytes => _prelude.Length;

    /// <summary>
    /// Adds the next chunk. True when the delimiter is now found: <paramref name="prelude"/> is the JSON before it,
    /// <paramref name="body"/> whatever followed it in this chunk. Chunks after that are body: do not add them.
    /// </summary>
    /// <exception cref="InvalidOperationException">The prelude was already found.</exception>
    public bool TryAdd(ReadOnlyMemory<byte> chunk, out ReadOnlyMemory<byte> prelude, out ReadOnlyMemory<byte> body)
    {
        if (IsComplete) throw new InvalidOperationException("The prelude was already found; later chunks are body.");
        // JSON cannot contain a raw NUL, so the first 8-NUL run ends the prelude; only its tail needs searching again.
        var searchFrom = (int)Math.Max(0, _prelude.Length - (DelimiterLength - 1));
        _prelude.Write(chunk.Span);
        var buffered = _prelude.GetBuffer().AsMemory(0, (int)_prelude.Length);
        var found = buffered.Span[searchFrom..].IndexOf(Delimiter);
        if (found < 0)
        {
            prelude = body = ReadOnlyMemory<byte>.Empty;
            return false;
        }

        var end = searchFrom + found;
        IsComplete = true;
        prelude = buffered[..end];
        body = buffered[(end + DelimiterLength)..];
        return true;
    }
}
