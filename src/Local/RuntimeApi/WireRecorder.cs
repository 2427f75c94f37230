using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace LambdaRoutes.Local.RuntimeApi;

/// <summary>
/// Keeps every byte each connection sent the server, in order, before Kestrel decodes it: tests check a runtime's
/// HTTP framing byte for byte (one chunk per write, the trailer section of a failed stream), which the endpoints never
/// see because Kestrel hands them the decoded body. Off unless a test asks for it.
/// </summary>
internal sealed class WireRecorder
{
    private readonly List<MemoryStream> _connections = [];

    /// <summary>What each connection received so far, one array per connection in the order they were accepted.</summary>
    public IReadOnlyList<byte[]> Received()
    {
        lock (_connections)
        {
            return _connections.Select(log => { lock (log) return log.ToArray(); }).ToList();
        }
    }

    public ConnectionDelegate Recording(ConnectionDelegate next) => connection =>
    {
        var log = new MemoryStream();
        lock (_connections)
        {
            _connections.Add(log);
        }

        connection.Transport = new RecordingPipe(connection.Transport, log);
        return next(connection);
    };

    private sealed class RecordingPipe(IDuplexPipe inner, MemoryStream log) : IDuplexPipe
    {
        public PipeReader Input { get; } = new RecordingReader(inner.Input, log);

        public PipeWriter Output => inner.Output;
    }

    /// <summary>Copies each byte to the log once, when the reader consumes it (consumed bytes never come back).</summary>
    private sealed class RecordingReader(PipeReader inner, MemoryStream log) : PipeReader
    {
        private ReadOnlySequence<byte> _buffer;

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            var result = await inner.ReadAsync(cancellationToken).ConfigureAwait(false);
            _buffer = result.Buffer;
            return result;
        }

        public override bool TryRead(out ReadResult result)
        {
            if (!inner.TryRead(out result))
            {
                return false;
            }

            _buffer = result.Buffer;
            return true;
        }

        public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
            lock (log)
            {
                foreach (var segment in _buffer.Slice(_buffer.Start, consumed))
                {
                    log.Write(segment.Span);
                }
            }

            inner.AdvanceTo(consumed, examined);
        }

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);
    }
}
