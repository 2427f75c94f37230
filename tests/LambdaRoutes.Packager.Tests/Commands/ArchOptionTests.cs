using System.CommandLine;
using LambdaRoutes.Packager.Commands;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Commands;

/// <summary><c>--arch</c>, which <c>build</c> and <c>dev</c> share: Lambda's two names, x86_64 unless told otherwise.</summary>
public sealed class ArchOptionTests
{
    [Theory]
    [InlineData("", "X86_64")]
    [InlineData("--arch x86_64", "X86_64")]
    [InlineData("--arch arm64", "Arm64")]
    public void Parses_lambdas_architecture_names(string args, string expected)
    {
        var arch = CommonOptions.Arch("test");
        var parse = new RootCommand { arch }.Parse(args);

        Assert.Empty(parse.Errors);
        Assert.Equal(expected, CommonOptions.ArchitectureOf(parse, arch).ToString());
    }

    [Theory]
    [InlineData("build")]
    [InlineData("dev")]
    public async Task Another_name_is_refused_with_the_two_Lambda_accepts(string command)
    {
        var result = await CliRun.RunAsync(command, Path.GetTempPath(), "--arch", "aarch64");

        Assert.NotEqual(0, result.ExitCode);
        var output = result.Stderr + result.Stdout;
        Assert.Contains("aarch64", output, StringComparison.Ordinal);
        Assert.Contains("'x86_64'", output, StringComparison.Ordinal);
        Assert.Contains("'arm64'", output, StringComparison.Ordinal);
    }
}
