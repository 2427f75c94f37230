using System.Text.Json;
using System.Text.RegularExpressions;
using LambdaRoutes.Packager.Caching;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Tests.Packaging;

namespace LambdaRoutes.Packager.Tests.Caching;

/// <summary>
/// The toolchain in a cache entry's name is the one the build really used: the ILCompiler package every route's real AOT
/// publish restored (its entry project's <c>project.assets.json</c>, which the publish reads with <c>--no-restore</c>) is the
/// version <see cref="DotnetToolchain"/> read from the SDK beforehand. The entry projects are those of the routes the manifest
/// names; <c>obj/lambda-routes/</c> also holds the restore and publish traversal projects and their <c>obj/</c>, which are none.
/// </summary>
[Collection(BuiltAppCollection.Name)]
public sealed partial class ToolchainDetectionTests(BuiltAppFixture built)
{
    [GeneratedRegex(@"""runtime\.linux-x64\.Microsoft\.DotNet\.ILCompiler/([^""]+)""")]
    private static partial Regex IlCompilerPackage();

    [Fact]
    public async Task The_detected_ILCompiler_is_the_one_the_publish_restored()
    {
        built.AssertBuilt();
        var toolchain = await DotnetToolchain.DetectAsync(built.AppDir, CancellationToken.None);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(built.OutDir, ManifestWriter.FileName)));
        var entries = manifest.RootElement.GetProperty("routes").EnumerateArray()
            .Select(r => Path.Combine(built.AppDir, EntryProject.EntryRoot, r.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(2, entries.Count);

        foreach (var entry in entries)
        {
            var assets = File.ReadAllText(Path.Combine(entry, "obj", "project.assets.json"));
            var restored = IlCompilerPackage().Match(assets);
            Assert.True(restored.Success, $"{entry}: no ILCompiler package restored");
            Assert.Equal($"sdk {toolchain.SdkVersion}, ILCompiler {restored.Groups[1].Value}", toolchain.Describe(BuildOptions.DefaultFramework));
        }

        Assert.Matches(@"^\d+\.\d+\.\d+", toolchain.SdkVersion);
    }
}
