using System.Diagnostics;

namespace LambdaRoutes.Cdk.Tests.Support;

/// <summary>
/// The real `cdk` CLI from the repository's node_modules (package.json pins it; scripts/setup.sh and
/// .ci/run install it with `npm ci`), run at the repository root so that cdk.json's app is used.
/// </summary>
public static class CdkCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

    public static Result Synth(string outDirectory, IReadOnlyDictionary<string, string> context, TimeSpan timeout) =>
        Run(["synth", "--quiet", "--output", outDirectory], context, new Dictionary<string, string>(), timeout);

    /// <summary>Runs <c>cdk &lt;arguments&gt;</c> with <c>--context</c> pairs and extra environment variables.</summary>
    public static Result Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> context, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
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
        foreach (var argument in arguments.Append("--no-notices"))
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
        // Offline and quiet: no telemetry upload and no version lookup on npm.
        start.Environment["CDK_DISABLE_CLI_TELEMETRY"] = "true";
        start.Environment["CDK_DISABLE_VERSION_CHECK"] = "1";
        start.Environment["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            // An empty value unsets the variable, e.g. an AWS_PROFILE that would otherwise win over given keys.
            if (value.Length == 0) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"cdk {string.Join(' ', start.ArgumentList)} did not finish in {timeout}: {stderr.Result}");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }
}
