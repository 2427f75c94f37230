using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>What one real <c>build</c> leaves on disk: bootstraps, zips, the manifest, and binaries Amazon Linux 2023 can run.</summary>
[Collection(BuiltAppCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // Lambda bootstraps are Linux ELF files with Unix modes.
public sealed class BuildArtifactTests(BuiltAppFixture built)
{
    private static readonly string[] Ids = ["ApiHello", "ApiItemsId"];

    [Fact]
    public void Every_route_has_an_executable_bootstrap()
    {
        built.AssertBuilt();
        foreach (var id in Ids)
        {
            var bootstrap = Path.Combine(built.OutDir, id, "bootstrap");
            Assert.True(File.Exists(bootstrap), bootstrap);
            Assert.Equal(
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead |
                UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
                File.GetUnixFileMode(bootstrap));
            Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(bootstrap)[..4]);
        }
    }

    [Fact]
    public void Every_zip_holds_only_bootstrap_at_its_root_with_mode_0755()
    {
        built.AssertBuilt();
        foreach (var id in Ids)
        {
            using var zip = ZipFile.OpenRead(Path.Combine(built.OutDir, id + ".zip"));
            var entry = Assert.Single(zip.Entries);
            Assert.Equal("bootstrap", entry.FullName);
            Assert.Equal(0x81ED, (entry.ExternalAttributes >> 16) & 0xFFFF); // S_IFREG | 0755
            using var content = new MemoryStream();
            entry.Open().CopyTo(content);
            Assert.Equal(File.ReadAllBytes(Path.Combine(built.OutDir, id, "bootstrap")), content.ToArray());
        }
    }

    [Fact]
    public void The_manifest_describes_the_app_and_every_route_with_true_hashes_and_sizes()
    {
        built.AssertBuilt();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(built.OutDir, "manifest.json")))!.AsObject();

        Assert.Equal(1, (int)manifest["schemaVersion"]!);
        Assert.Equal("Shop", (string?)manifest["app"]);
        Assert.Equal("../../Shop.csproj", (string?)manifest["appProject"]);
        Assert.Equal("net10.0", (string?)manifest["framework"]);
        Assert.Equal("x86_64", (string?)manifest["architecture"]);
        Assert.Equal("provided.al2023", (string?)manifest["runtime"]);
        var routes = manifest["routes"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(Ids, routes.Select(r => (string?)r["id"]));

        var item = routes[1];
        Assert.Equal("api/items/[id].cs", (string?)item["file"]);
        Assert.Equal("/api/items/[id]", (string?)item["route"]);
        Assert.Equal(["/api/items/{id}"], item["paths"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(["ANY"], item["methods"]!.AsArray().Select(p => (string?)p));
        Assert.Equal("handler", (string?)item["style"]);
        Assert.Equal("Shop.Api.Items.ItemById", (string?)item["handler"]);
        Assert.Equal(512, (int)item["settings"]!["memorySize"]!);
        Assert.Equal(5, (int)item["settings"]!["timeout"]!);
        Assert.Equal("2kb", (string?)item["settings"]!["bodySizeLimit"]);
        Assert.Equal(2048, (long)item["settings"]!["bodySizeLimitBytes"]!);
        Assert.Equal(256, (int)routes[0]["settings"]!["memorySize"]!);

        foreach (var route in routes)
        {
            var zip = Path.Combine(built.OutDir, (string)route["zip"]!);
            var bootstrap = Path.Combine(built.OutDir, (string)route["bootstrap"]!);
            Assert.Equal((string?)route["id"], (string?)route["artifact"]);
            Assert.Equal("x86_64", (string?)route["architecture"]); // no Shop route declares one: the app's
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(zip))), (string?)route["zipSha256"]);
            Assert.Equal(new FileInfo(zip).Length, (long)route["zipBytes"]!);
            Assert.Equal(new FileInfo(bootstrap).Length, (long)route["bootstrapBytes"]!);
            Assert.Matches("^[0-9a-f]{64}$", (string?)route["inputHash"]);
        }
    }

    [Fact]
    public void Entry_projects_are_generated_under_obj_never_in_the_source_tree()
    {
        built.AssertBuilt();
        var program = File.ReadAllText(Path.Combine(built.AppDir, "obj", "lambda-routes", "ApiItemsId", "Program.cs"));

        Assert.Contains("static () => new global::Shop.Api.Items.ItemById()", program);
        Assert.Contains("global::Shop.ShopJson.Default", program);
        Assert.Empty(Directory.GetFiles(Path.Combine(built.AppDir, "api"), "*.csproj", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(built.AppDir, "api"), "Program.cs", SearchOption.AllDirectories));
    }

    [Fact]
    public void Every_bootstrap_needs_glibc_2_34_or_older()
    {
        built.AssertBuilt();
        foreach (var id in Ids)
        {
            var objdump = Process.Start(new ProcessStartInfo("objdump", ["-T", Path.Combine(built.OutDir, id, "bootstrap")]) { RedirectStandardOutput = true })!;
            var symbols = objdump.StandardOutput.ReadToEnd();
            objdump.WaitForExit();

            var versions = Regex.Matches(symbols, @"GLIBC_(\d+\.\d+(?:\.\d+)?)").Select(m => Version.Parse(m.Groups[1].Value)).ToList();
            Assert.NotEmpty(versions);
            Assert.All(versions, v => Assert.True(v <= new Version(2, 34), $"{id} needs GLIBC_{v}"));
        }
    }

    [Fact]
    public void The_build_reports_every_route_built_with_sizes_in_plain_output()
    {
        built.AssertBuilt();

        Assert.Contains("built ApiHello in", built.Build.Stdout);
        Assert.Contains("built ApiItemsId in", built.Build.Stdout);
        Assert.Contains("2 built, 0 cached, 0 failed", built.Build.Stdout);
        Assert.Matches(@"/api/items/\[id\]\s+ApiItemsId\s+built\s+[\d.]+ s\s+[\d.]+ MB\s+[\d.]+ MB", built.Build.Stdout);
    }

    [Fact]
    public void AOT_warnings_are_shown_with_app_relative_file_and_line_and_counted_per_route()
    {
        built.AssertBuilt();

        Assert.Contains("ApiHello (api/hello.cs):", built.Build.Stderr);
        Assert.Matches(@"api/hello\.cs:\d+: warning IL2057: ", built.Build.Stderr);
        Assert.Matches(@"/api/hello\s+ApiHello\s+built\s+.*\s1\s*$", built.Build.Stdout.Split('\n').Single(l => l.Contains("ApiHello  ")));
        Assert.Matches(@"\s0\s*$", built.Build.Stdout.Split('\n').Single(l => l.Contains("ApiItemsId  ")));
        Assert.Contains("1 AOT warnings", built.Build.Stdout);
    }
}
