using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Commands;

/// <summary><c>dev</c>'s authorizer options: contradictions and unusable keys are refused with the reason, before any build.</summary>
public sealed class DevAuthArgumentsTests
{
    [Fact]
    public async Task Jwks_and_no_verify_together_are_refused()
    {
        var result = await CliRun.RunAsync("dev", Path.GetTempPath(), "--port", "0", "--jwks", "keys.json", "--jwt-no-verify");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--jwks and --jwt-no-verify exclude each other", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_jwks_file_stops_dev_with_the_path_before_building()
    {
        var dir = Directory.CreateTempSubdirectory("lr-devauth").FullName;
        try
        {
            var result = await CliRun.RunAsync("dev", dir, "--port", "0", "--jwks", Path.Combine(dir, "missing.json"));

            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"error: --jwks {Path.Combine(dir, "missing.json")}:", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("dev: the app cannot be served", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
