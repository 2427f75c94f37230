using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using LambdaRoutes.Bootstrap;
using Microsoft.Win32.SafeHandles;

namespace LambdaRoutes.Core;

/// <summary>
/// Where log records go, filtered and formatted by <see cref="LogOptions"/>. On Lambda that is the telemetry file
/// descriptor when <c>_LAMBDA_TELEMETRY_LOG_FD</c> is set (one frame per record, aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Helpers/FileDescriptorLogStream.cs), stdout otherwise. One
/// write per record, under a lock, so concurrent records never interleave.
/// </summary>
internal sealed class LogSink
{
    public const string TelemetryFdVariable = "_LAMBDA_TELEMETRY_LOG_FD";

    public const uint TextFrameType = 0xa55a0003;

    public const uint JsonFrameType = 0xa55a0002;

    /// <summary>Type, length and timestamp: <c>[u32 BE][u32 BE][u64 BE]</c>.</summary>
    public const int FrameHeaderLength = 16;

    // Records larger than this are encoded in a pooled array: one huge record should not pin its size for the process's life.
    private const int RetainedBufferLimit = 64 * 1024;

    private readonly object _gate = new();
    private readonly Stream? _standardOutput;
    private Stream _output;
    private bool _framed;
    private byte[] _buffer = new byte[1024];

    /// <summary>Newline-terminated records on <paramref name="output"/>, as on stdout.</summary>
    public LogSink(Stream output, LogOptions? options = null)
        : this(output, options ?? LogOptions.Default, framed: false, standardOutput: null)
    {
    }

    private LogSink(Stream output, LogOptions options, bool framed, Stream? standardOutput)
    {
        _output = output;
        Options = options;
        _framed = framed;
        _standardOutput = standardOutput;
    }

    public LogOptions Options { get; }

    /// <summary>True while records go out as telemetry frames; false once the sink has fallen back to stdout.</summary>
    public bool IsTelemetry
    {
        get { lock (_gate) return _framed; }
    }

    /// <summary>
    /// The sink Lambda expects: telemetry frames on <c>_LAMBDA_TELEMETRY_LOG_FD</c> when it names a descriptor this
    /// process has open, else stdout. A value that cannot be used is reported once, as a record on stdout, because a
    /// misconfigured descriptor would otherwise silently change where every later record goes.
    /// </summary>
    public static LogSink FromEnvironment(IEnvironmentVariables environment, Stream? standardOutput = null)
    {
        var options = LogOptions.From(environment);
        standardOutput ??= Console.OpenStandardOutput();
        if (environment.Get(TelemetryFdVariable) is not { } value) return new LogSink(standardOutput, options);

        if (TryOpenDescriptor(value, out var telemetry, out var reason))
            return new LogSink(telemetry, options, framed: true, standardOutput);

        var sink = new LogSink(standardOutput, options);
        sink.WriteUnfiltered(Notice($"{TelemetryFdVariable}={value} is not usable ({reason}); logging to stdout instead"));
        return sink;
    }

    public void Write(LogRecord record)
    {
        if (record.Level < Options.MinimumLevel) return;
        WriteUnfiltered(record);
    }

    private void WriteUnfiltered(LogRecord record)
    {
        var text = Format(record);
        lock (_gate)
        {
            if (_framed)
            {
                try
                {
                    WriteFrame(text, record.Timestamp);
                    return;
                }
                // A descriptor that refuses writes (closed by someone else, read-only, reader gone) must not take the
                // function down or lose the record: stdout still reaches CloudWatch, one line at a time.
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    _framed = false;
                    _output = _standardOutput!;
                    WriteLine(Format(Notice(ex)));
                }
            }
            WriteLine(text);
        }
    }

    private string Format(LogRecord record) =>
        Options.Json ? LambdaLogFormatter.FormatJson(record) : LambdaLogFormatter.Format(record);

    private void WriteLine(string text)
    {
        // The formatter may already end a record with a newline (a message that does): stdout gets exactly one.
        var newline = text.EndsWith('\n') ? 0 : 1;
        var length = Encoding.UTF8.GetByteCount(text) + newline;
        var buffer = Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(text, buffer);
            if (newline == 1) buffer[written] = (byte)'\n';
            _output.Write(buffer, 0, length);
            _output.Flush();
        }
        finally
        {
            Return(buffer);
        }
    }

    private void WriteFrame(string text, DateTimeOffset timestamp)
    {
        // A frame is already one record, so the newline stdout needs to end it would only show up in CloudWatch.
        var message = text.AsSpan();
        if (message.Length > 0 && message[^1] == '\n') message = message[..^1];
        var length = FrameHeaderLength + Encoding.UTF8.GetByteCount(message);
        var buffer = Rent(length);
        try
        {
            var frame = buffer.AsSpan(0, length);
            BinaryPrimitives.WriteUInt32BigEndian(frame, Options.Json ? JsonFrameType : TextFrameType);
            BinaryPrimitives.WriteUInt32BigEndian(frame[4..], (uint)(length - FrameHeaderLength));
            BinaryPrimitives.WriteUInt64BigEndian(frame[8..], MicrosecondsSinceEpoch(timestamp));
            Encoding.UTF8.GetBytes(message, frame[FrameHeaderLength..]);
            // One write for the whole frame: Lambda reads the descriptor as a stream of frames, and a frame split
            // across writes could only be torn by another writer, which the lock already excludes; one call also keeps
            // it to one syscall per record.
            _output.Write(frame);
        }
        finally
        {
            Return(buffer);
        }
    }

    /// <summary>The record's own clock, so the frame and the record's printed timestamp agree.</summary>
    internal static ulong MicrosecondsSinceEpoch(DateTimeOffset timestamp) =>
        (ulong)((timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond);

    private byte[] Rent(int length)
    {
        if (length <= _buffer.Length) return _buffer;
        if (length <= RetainedBufferLimit) return _buffer = new byte[Math.Max(length, Math.Min(_buffer.Length * 2, RetainedBufferLimit))];
        return ArrayPool<byte>.Shared.Rent(length);
    }

    private void Return(byte[] buffer)
    {
        if (!ReferenceEquals(buffer, _buffer)) ArrayPool<byte>.Shared.Return(buffer);
    }

    private static bool TryOpenDescriptor(string value, out Stream stream, out string reason)
    {
        stream = Stream.Null;
        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var fd))
        {
            reason = "not a file descriptor number";
            return false;
        }
        if (OperatingSystem.IsWindows())
        {
            reason = "file descriptors are a Unix feature";
            return false;
        }

        // Not owned: the descriptor belongs to the process (Lambda opened it for us) and lives as long as it does.
        var handle = new SafeFileHandle(fd, ownsHandle: false);
        try
        {
            // FileStream does not look at the descriptor until the first write; fstat here turns a descriptor that is
            // not open into a start-up notice instead of a failure on the first record.
            File.GetUnixFileMode(handle);
            // Unbuffered: each frame goes straight to write(2). A pipe or socket is not seekable, which FileStream
            // handles by writing at the current position.
            stream = new FileStream(handle, FileAccess.Write, bufferSize: 0);
            reason = "";
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // .NET reports fstat's EBADF as "access denied", which would send a reader looking for a permission problem.
            reason = ex is UnauthorizedAccessException ? "no such open file descriptor" : "not an open file descriptor: " + ex.Message;
            return false;
        }
    }

    private static LogRecord Notice(string message) =>
        new(DateTimeOffset.UtcNow, null, null, LogLevel.Warning, message, null);

    private static LogRecord Notice(Exception error) =>
        Notice($"writing to {TelemetryFdVariable} failed ({(error is UnauthorizedAccessException ? "the descriptor is closed or not open for writing" : error.Message)}); " +
               "logging to stdout from now on");
}
