using System.Diagnostics;
using System.Text;

namespace LambdaRoutes.Runtime.Tests.Aot;

/// <summary>The published <c>bootstrap</c> running as a child process against a Runtime API endpoint; stdout captured.</summary>
internal sealed class BootstrapProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();

    public BootstrapProcess(string path, string runtimeApi, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        info.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "aot-fixture";
        info.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output { get { lock (_stdout) return _stdout.ToString(); } }

    public bool HasExited => _process.HasExited;

    public int Pid => _process.Id;

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        // Only this process, which the test started; the loop otherwise long-polls forever, as on Lambda.
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
    }
}
