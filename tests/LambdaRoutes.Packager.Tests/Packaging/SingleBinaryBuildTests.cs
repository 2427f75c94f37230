using System.IO.Compression;
using System.Text.Json.Nodes;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>Builds <see cref="ShopApp"/> once in <c>--mode single</c>: one AOT publish for both routes.</summary>
public sealed class SingleBinaryFixture() : ShopBuildFixture("ShopSingle", "--mode", "single");

/// <summary>
/// Single-binary mode: each route keeps its own folder and zip (the manifest contract is unchanged), holding the shared
/// binary and a <c>route</c> file; the binary serves the route that file names.
/// </summary>
public sealed class SingleBinaryBuildTests(SingleBinaryFixture built) : IClassFixture<SingleBinaryFixture>
{
    [Fact]
    public void One_publish_gives_every_route_a_zip_with_the_shared_bootstrap_and_its_route_file()
    {
        Assert.True(built.Build.ExitCode == 0, built.Build.Stdout + built.Build.Stderr);
        Assert.Contains("publishing one Native AOT binary for all 2 routes", built.Build.Stdout);
        var hello = File.ReadAllBytes(Path.Combine(built.OutDir, "ApiHello", "bootstrap"));
        Assert.Equal(hello, File.ReadAllBytes(Path.Combine(built.OutDir, "ApiItemsId", "bootstrap")));

        foreach (var id in new[] { "ApiHello", "ApiItemsId" })
        {
            using var zip = ZipFile.OpenRead(Path.Combine(built.OutDir, id + ".zip"));
            Assert.Equal(["bootstrap", "route"], zip.Entries.Select(e => e.FullName));
            Assert.Equal(0x81ED, (zip.GetEntry("bootstrap")!.ExternalAttributes >> 16) & 0xFFFF);
            using var reader = new StreamReader(zip.GetEntry("route")!.Open());
            Assert.Equal(id, reader.ReadToEnd().Trim());
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(built.OutDir, "manifest.json")))!;
        Assert.Equal(["ApiHello/bootstrap", "ApiItemsId/bootstrap"], manifest["routes"]!.AsArray().Select(r => (string?)r!["bootstrap"]));
    }

    [Theory]
    [InlineData("ApiHello", "/api/hello", 200, """{"message":"hello","items":2}""")]
    [InlineData("ApiItemsId", "/api/items/1", 200, """{"id":"1","name":"Tea","price":3.5}""")]
    public async Task The_shared_binary_serves_the_route_its_folder_names(string id, string path, int status, string body)
    {
        Assert.True(built.Build.ExitCode == 0, built.Build.Stdout + built.Build.Stderr);

        var invocation = await BootstrapRunner.InvokeAsync(Path.Combine(built.OutDir, id, "bootstrap"), GatewayEvents.HttpApi("GET", path));

        Assert.Equal(0, invocation.ExitCode);
        Assert.Equal(status, (int)invocation.Response["statusCode"]!);
        Assert.Equal(body, (string?)invocation.Response["body"]);
    }
}
