using System.Diagnostics;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>The outcome of one <c>dotnet</c> run: exit code and every output line (stdout and stderr interleaved).</summary>
internal sealed record ProcessResult(int ExitCode, IReadOnlyList<string> Lines, TimeSpan Elapsed);

/// <summary>
/// Runs the <c>dotnet</c> CLI. English messages so diagnostics parse; no MSBuild node reuse, so no build server outlives
/// the packager holding files of the app (two CDK synths in a row, tests in parallel). Cancelling kills the whole process
/// tree (MSBuild's worker nodes and the ILCompiler processes they start) and waits for it, so nothing of a cancelled build
/// keeps writing into the app's obj/ folders afterwards. <c>onLine</c> sees each line as it arrives (one call at a time, in the
/// order of <see cref="ProcessResult.Lines"/>), so a caller can act on a run's progress before it ends.
/// </summary>
internal static class DotnetProcess
{
    public static async Task<ProcessResult> RunAsync(IEnumerable<string> args, string workingDir, CancellationToken cancel = default, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var lines = new List<string>();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancel);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        // WaitForExitAsync returns once the output streams are drained too.
        lock (lines)
        {
            return new ProcessResult(process.ExitCode, [.. lines], watch.Elapsed);
        }

        void Add(string? line)
        {
            if (line is not null)
            {
                lock (lines)
                {
                    lines.Add(line);
                    onLine?.Invoke(line);
                }
            }
        }
    }
}
