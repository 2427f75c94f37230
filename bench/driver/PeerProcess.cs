using System.Diagnostics;
using System.Globalization;
using LambdaRoutes.Local;
using LambdaRoutes.Local.Instances;

namespace LambdaRoutes.Bench;

/// <summary>
/// One runtime process of a peer pointed at a <see cref="FocusedRuntimeApi"/>, with the environment Lambda gives a custom
/// runtime (<see cref="LambdaEnvironment"/>, the emulator's own). Its output is drained and the last lines kept for error reports.
/// </summary>
internal sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private PeerProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    /// <summary>Starts the process; the caller takes the timestamp just before this call.</summary>
    /// <param name="memorySizeMb">The function's memory size (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>).</param>
    public static PeerProcess Start(PeerConfig peer, int port, int memorySizeMb = 256)
    {
        var executable = Path.GetFullPath(peer.Executable);
        var taskRoot = peer.WorkingDirectory ?? Path.GetDirectoryName(executable)!;
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = taskRoot,
        };
        foreach (var argument in peer.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in LambdaEnvironment.For(AsFunction(peer, executable, memorySizeMb), new EmulatorOptions(), RuntimeApi(port), taskRoot))
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var peerProcess = new PeerProcess(process);
        process.OutputDataReceived += (_, e) => peerProcess.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => peerProcess.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peerProcess;
    }

    // One memory size for every peer of the comparison (256 MB): the config has none per peer, and a runtime that sizes
    // itself from it must see the same. The memory bench asks for Lambda's smallest.
    private static LambdaFunction AsFunction(PeerConfig peer, string executable, int memorySizeMb) => new()
    {
        Name = peer.Name,
        Executable = executable,
        Handler = peer.Handler,
        MemorySizeMb = memorySizeMb,
        Environment = peer.Environment,
    };

    private static string RuntimeApi(int port) => $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 30)
            {
                _tail.Dequeue();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"warning: process {_process.Id} did not exit within 10 s of SIGKILL");
        }

        _process.Dispose();
    }
}
