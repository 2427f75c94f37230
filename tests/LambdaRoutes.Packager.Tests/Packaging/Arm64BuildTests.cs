using System.Text.Json.Nodes;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>
/// Builds <see cref="ShopApp"/> once for arm64 in <c>--mode single</c> (one cross-compiled AOT publish for both routes),
/// with the default framework.
/// </summary>
public sealed class Arm64BuildFixture() : ShopBuildFixture("ShopArm", "--arch", "arm64", "--mode", "single");

/// <summary>
/// <c>build --arch arm64</c> cross-compiles on this x86_64 host: the manifest says arm64, the binary is aarch64 code
/// whose glibc needs were checked with the aarch64 objdump, and it serves its routes under qemu-user.
/// </summary>
public sealed class Arm64BuildTests(Arm64BuildFixture built) : IClassFixture<Arm64BuildFixture>
{
    [Fact]
    public void The_manifest_records_arm64_and_the_default_framework_and_the_binary_is_aarch64()
    {
        built.AssertBuilt();
        Assert.DoesNotContain("LR3003", built.Build.Stdout + built.Build.Stderr); // the glibc check ran (with the aarch64 objdump)
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(built.OutDir, "manifest.json")))!;
        Assert.Equal("arm64", (string?)manifest["architecture"]);
        Assert.Equal("net10.0", (string?)manifest["framework"]);

        var (exit, headers) = Run("aarch64-linux-gnu-objdump", "-f", Path.Combine(built.OutDir, "ApiHello", "bootstrap"));
        Assert.Equal(0, exit);
        Assert.Contains("architecture: aarch64", headers);
    }

    [Theory]
    [InlineData("ApiHello", "/api/hello", """{"message":"hello","items":2}""")]
    [InlineData("ApiItemsId", "/api/items/1", """{"id":"1","name":"Tea","price":3.5}""")]
    public async Task The_arm64_binary_serves_the_route_its_folder_names_under_qemu(string id, string path, string body)
    {
        built.AssertBuilt();

        var invocation = await BootstrapRunner.InvokeAsync(Path.Combine(built.OutDir, id, "bootstrap"), GatewayEvents.HttpApi("GET", path), "arm64");

        Assert.Equal(0, invocation.ExitCode);
        Assert.Equal(200, (int)invocation.Response["statusCode"]!);
        Assert.Equal(body, (string?)invocation.Response["body"]);
    }

    private static (int ExitCode, string Output) Run(string file, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(file, args) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
