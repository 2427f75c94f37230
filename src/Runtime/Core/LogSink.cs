using System.Text;

namespace LambdaRoutes.Core;

/// <summary>
/// Where log records go: stdout on Lambda (the service ships it to CloudWatch), filtered and formatted by
/// <see cref="LogOptions"/>. One write per record, under a lock, so concurrent records never interleave.
/// </summary>
internal sealed class LogSink
{
    private readonly Stream _output;
    private readonly object _gate = new();

    public LogSink(Stream output, LogOptions? options = null)
    {
        _output = output;
        Options = options ?? LogOptions.Default;
    }

    public LogOptions Options { get; }

    /// <summary>The process's standard output as a raw stream (no Console encoder set-up on the cold path).</summary>
    public static LogSink StandardOutput(LogOptions options) => new(Console.OpenStandardOutput(), options);

    public void Write(LogRecord record)
    {
        if (record.Level < Options.MinimumLevel) return;
        var text = Options.Json ? LambdaLogFormatter.FormatJson(record) : LambdaLogFormatter.Format(record);
        var bytes = Encoding.UTF8.GetBytes(text.EndsWith('\n') ? text : text + "\n");
        lock (_gate)
        {
            _output.Write(bytes, 0, bytes.Length);
            _output.Flush();
        }
    }
}
