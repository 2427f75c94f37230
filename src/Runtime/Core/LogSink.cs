using System.Text;

namespace LambdaRoutes.Core;

/// <summary>
/// Where formatted log records go: stdout on Lambda (the service ships it to CloudWatch).
/// One write per record, under a lock, so lines of concurrent writers never interleave.
/// </summary>
internal sealed class LogSink
{
    private readonly Stream _output;
    private readonly object _gate = new();

    public LogSink(Stream output) => _output = output;

    /// <summary>The process's standard output, opened once as a raw stream (no Console encoder set-up on the cold path).</summary>
    public static LogSink StandardOutput { get; } = new(Console.OpenStandardOutput());

    public void WriteRecord(string record)
    {
        var bytes = Encoding.UTF8.GetBytes(record.EndsWith('\n') ? record : record + "\n");
        lock (_gate)
        {
            _output.Write(bytes, 0, bytes.Length);
            _output.Flush();
        }
    }
}
