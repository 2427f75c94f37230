using System.Globalization;
using System.IO.Pipes;
using Microsoft.Win32.SafeHandles;

namespace LambdaRoutes.Runtime.Tests.Core;

/// <summary>
/// A real descriptor for <c>_LAMBDA_TELEMETRY_LOG_FD</c>: the write end of an anonymous pipe (what Lambda hands a
/// runtime) drained by a reader as it fills, or a temporary file. On Linux a handle's value is its descriptor number.
/// </summary>
internal sealed class TelemetryTarget : IDisposable
{
    private readonly AnonymousPipeServerStream? _pipe;
    private readonly Task<byte[]>? _reader;
    private readonly SafeFileHandle? _file;
    private readonly string? _path;

    private TelemetryTarget(AnonymousPipeServerStream pipe)
    {
        // Not inheritable: a bootstrap another test starts meanwhile would otherwise hold the write end open and the
        // reader would never see the end of the pipe.
        _pipe = pipe;
        Fd = int.Parse(pipe.GetClientHandleAsString(), CultureInfo.InvariantCulture);
        // Drained while the sink writes, as Lambda does: frames larger than the pipe's buffer would otherwise block.
        _reader = Task.Run(async () =>
        {
            using var received = new MemoryStream();
            await pipe.CopyToAsync(received);
            return received.ToArray();
        });
    }

    private TelemetryTarget(string path)
    {
        _path = path;
        _file = File.OpenHandle(path, FileMode.Create, FileAccess.Write);
        Fd = checked((int)_file.DangerousGetHandle());
    }

    public static TelemetryTarget Pipe() => new(new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.None));

    public static TelemetryTarget TempFile() => new(Path.Combine(Path.GetTempPath(), "telemetry-" + Guid.NewGuid().ToString("N") + ".bin"));

    public static TelemetryTarget Create(string kind) => kind == "pipe" ? Pipe() : TempFile();

    public int Fd { get; }

    public string FdText => Fd.ToString(CultureInfo.InvariantCulture);

    /// <summary>Closes the write end and returns everything written to it.</summary>
    public async Task<byte[]> CloseAndReadAsync()
    {
        if (_pipe is not null)
        {
            _pipe.DisposeLocalCopyOfClientHandle();
            return await _reader!.WaitAsync(TimeSpan.FromSeconds(30));
        }
        _file!.Dispose();
        return await File.ReadAllBytesAsync(_path!);
    }

    public void Dispose()
    {
        _pipe?.Dispose();
        _file?.Dispose();
        if (_path is not null) File.Delete(_path);
    }
}
