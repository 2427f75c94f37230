using System.Diagnostics;

namespace LambdaRoutes.Cdk.Tests.Support;

/// <summary>
/// The real `cdk` CLI from the repository's node_modules (package.json pins it; scripts/setup.sh and
/// .ci/run install it with `npm ci`), run at the repository root so that cdk.json's app is used.
/// </summary>
public static class CdkCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

    public static Result Synth(string outDirectory, IReadOnlyDictionary<string, string> context, TimeSpan timeout)
    {
        var cli = Path.Combine(RepositoryRoot.Path, "node_modules", ".bin", "cdk");
        Assert.True(File.Exists(cli), $"{cli} is missing: run `npm ci` at the repository root (scripts/setup.sh does).");

        var start = new ProcessStartInfo(cli)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "synth", "--quiet", "--no-notices", "--output", outDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in context)
        {
            start.ArgumentList.Add("--context");
            start.ArgumentList.Add($"{key}={value}");
        }

        // As in a user's shell: the CDK app itself must keep jsii's node child from repeating the CLI's end-of-life banner.
        start.Environment.Remove("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION");
        start.Environment["CDK_DISABLE_VERSION_CHECK"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"cdk synth did not finish in {timeout}: {stderr.Result}");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }
}
