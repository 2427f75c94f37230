using System.Text;

namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>
/// Where the runtime's log sink writes for an in-process instance: the dev log, one entry per record, prefixed with the
/// instance (<c>[RouteId#N]</c>). The sink writes each record in one call, so a call is one record.
/// </summary>
internal sealed class DevLogStream(string prefix, Action<string> write) : Stream
{
    public override void Write(byte[] buffer, int offset, int count) =>
        write(prefix + Encoding.UTF8.GetString(buffer, offset, count).TrimEnd('\n'));

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
