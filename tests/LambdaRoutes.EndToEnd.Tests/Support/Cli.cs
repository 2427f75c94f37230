using System.Diagnostics;
using System.Text;

namespace LambdaRoutes.EndToEnd.Tests.Support;

/// <summary>One finished command: how it ended and everything it printed (stdout and stderr interleaved).</summary>
public sealed record CliResult(string Command, int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() => $"`{Command}` exited {ExitCode} after {Elapsed.TotalSeconds:F0} s:\n{Output}";
}

/// <summary>
/// Runs a command the way a user at a shell would, with English messages, no telemetry and no MSBuild node left behind,
/// and without the variables `dotnet test` sets for its own MSBuild (they would point the child at the wrong SDK bits).
/// </summary>
public static class Cli
{
    private static readonly string[] InheritedBuildVariables =
        ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "DOTNET_HOST_PATH", "VSTEST_HOST_DEBUG"];

    public static ProcessStartInfo StartInfo(string workingDirectory, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in InheritedBuildVariables) start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1";
        start.Environment["CDK_DISABLE_VERSION_CHECK"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return start;
    }

    public static async Task<CliResult> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, string fileName, params string[] arguments)
    {
        var start = StartInfo(workingDirectory, fileName, arguments, environment);
        var command = string.Join(' ', new[] { fileName }.Concat(arguments));
        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // Not installed: a failed step that says so, not an exception that takes every test down with the fixture.
            return new CliResult(command, -1, $"could not start {fileName}: {e.Message}", clock.Elapsed);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output) return new CliResult(command, -1, $"timed out after {timeout}\n{output}", clock.Elapsed);
        }

        lock (output) return new CliResult(command, process.ExitCode, output.ToString(), clock.Elapsed);
    }
}
