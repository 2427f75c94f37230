using System.Diagnostics;

namespace LambdaRoutes.Local.Instances;

/// <summary>
/// An instance's runtime as a process: <see cref="LambdaFunction.Executable"/> started with Lambda's environment only
/// (<see cref="LambdaEnvironment"/>), its stdout and stderr as the instance's log. Killing it kills its whole tree.
/// </summary>
internal sealed class ProcessRuntime : IInstanceRuntime
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProcessRuntime(Process process) => _process = process;

    /// <summary>Starts a process per instance.</summary>
    public static IRuntimeLauncher Launcher { get; } = new ProcessLauncher();

    public int ProcessId { get; private set; }

    public Task<int> Exited => _exited.Task;

    private static ProcessRuntime Start(LambdaFunction function, EmulatorOptions options, string runtimeApi, Action<string, bool> log)
    {
        var executable = Path.IsPathRooted(function.Executable) || !function.Executable.Contains('/')
            ? function.Executable
            : Path.GetFullPath(function.Executable);
        var taskRoot = LambdaEnvironment.TaskRoot(function);
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            WorkingDirectory = taskRoot,
        };
        foreach (var argument in function.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in LambdaEnvironment.For(function, options, runtimeApi, taskRoot))
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var runtime = new ProcessRuntime(process);
        process.OutputDataReceived += (_, e) => Forward(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, isError: true);
        process.Exited += (_, _) => runtime._exited.TrySetResult(SafeExitCode(process));
        process.Start();
        runtime.ProcessId = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return runtime;

        void Forward(string? line, bool isError)
        {
            if (line is not null)
            {
                log(line, isError);
            }
        }
    }

    private static int SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    public void Kill()
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
            // It exited between the check and the kill, or was already disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Reported by the caller's leak check, if any; nothing more can be done from here.
        }

        _process.Dispose();
    }

    private sealed class ProcessLauncher : IRuntimeLauncher
    {
        public IInstanceRuntime Start(LambdaFunction function, EmulatorOptions options, string runtimeApi, Action<string, bool> log) =>
            ProcessRuntime.Start(function, options, runtimeApi, log);
    }
}
