namespace LambdaRoutes.Packager.Tests.Support;

/// <summary>The outcome of running the CLI in-process.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

internal static class CliRun
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await Cli.RunAsync(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
