using System.Threading.Channels;

namespace LambdaRoutes.Local;

/// <summary>
/// A response the runtime is streaming (<c>Lambda-Runtime-Function-Response-Mode: streaming</c>, https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming), exposed
/// while it arrives: each piece of the chunked body is readable as soon as the Runtime API server has it. The
/// sequence ends when the runtime ends the stream or the invocation ends otherwise (timeout, exit, size limit);
/// <see cref="StreamingInvocation.Completion"/> then says which.
/// </summary>
public sealed class StreamedResponse
{
    // Bounded: a reader that falls behind slows the runtime's writes down, as a slow client does on Lambda, and
    // memory stays small; the invocation's end completes the channel, so a stalled writer is released.
    private readonly Channel<ReadOnlyMemory<byte>> _chunks = Channel.CreateBounded<ReadOnlyMemory<byte>>(
        new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
    private long _bytes;

    internal StreamedResponse(string? contentType, long limit)
    {
        ContentType = contentType;
        Limit = limit;
    }

    /// <summary>The runtime's <c>Content-Type</c>: <c>application/vnd.awslambda.http-integration-response</c> when the
    /// body starts with an <see cref="LambdaRoutes.Contracts.Events.HttpIntegrationPrelude"/>.</summary>
    public string? ContentType { get; }

    /// <summary>Bytes received from the runtime so far.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytes);

    /// <summary>Largest stream accepted; more ends the invocation with <c>Function.ResponseSizeTooLarge</c>.</summary>
    internal long Limit { get; }

    /// <summary>The body as it arrives. Read it to the end: an unread stream holds the runtime back.</summary>
    public IAsyncEnumerable<ReadOnlyMemory<byte>> ReadChunksAsync(CancellationToken cancel = default) =>
        _chunks.Reader.ReadAllAsync(cancel);

    /// <summary>False once the invocation has ended: the bytes have nowhere to go.</summary>
    internal async ValueTask<bool> WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancel)
    {
        try
        {
            await _chunks.Writer.WriteAsync(chunk, cancel).ConfigureAwait(false);
            Interlocked.Add(ref _bytes, chunk.Length);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    internal void Complete() => _chunks.Writer.TryComplete();
}
