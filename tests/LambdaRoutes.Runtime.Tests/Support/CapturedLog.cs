using System.Text;
using LambdaRoutes.Core;

namespace LambdaRoutes.Runtime.Tests.Support;

/// <summary>A <see cref="LogSink"/> over memory, to read what the runtime wrote to "stdout".</summary>
internal sealed class CapturedLog
{
    private readonly MemoryStream _stream = new();

    public CapturedLog(LogOptions? options = null) => Sink = new LogSink(_stream, options);

    public LogSink Sink { get; }

    public string Text
    {
        get { lock (_stream) return Encoding.UTF8.GetString(_stream.ToArray()); }
    }
}
