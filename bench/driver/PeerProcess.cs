using System.Diagnostics;
using System.Globalization;

namespace LambdaRoutes.Bench;

/// <summary>
/// One runtime process of a peer pointed at a <see cref="FocusedRuntimeApi"/>, with the environment Lambda gives a custom
/// runtime (the same variables as the emulator's). Its output is drained and the last lines kept for error reports.
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
    public static PeerProcess Start(PeerConfig peer, int port)
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
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["_HANDLER"] = peer.Handler,
            ["AWS_LAMBDA_FUNCTION_NAME"] = peer.Name,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + peer.Name,
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{DateTime.UtcNow:yyyy/MM/dd}/[$LATEST]{Guid.NewGuid():N}",
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["LAMBDA_TASK_ROOT"] = taskRoot,
            ["LAMBDA_RUNTIME_DIR"] = taskRoot,
            ["LANG"] = "en_US.UTF-8",
            ["TZ"] = "UTC",
        };
        foreach (var name in new[] { "PATH", "HOME" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                env[name] = value;
            }
        }

        foreach (var (name, value) in peer.Environment)
        {
            env[name] = value;
        }

        foreach (var (name, value) in env)
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
