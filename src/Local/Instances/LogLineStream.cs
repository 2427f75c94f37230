using System.Text;

namespace LambdaRoutes.Local.Instances;

/// <summary>
/// Where an in-process instance's log sink writes: its records as lines, as a process's stdout is read. The sink writes
/// each record in one call ending with a newline, so a call never holds part of a line.
/// </summary>
internal sealed class LogLineStream(Action<string> line) : Stream
{
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        foreach (var text in Encoding.UTF8.GetString(buffer).TrimEnd('\n').Split('\n'))
        {
            line(text);
        }
    }

    public override void Flush()
    {
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
