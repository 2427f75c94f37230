using System.Text.RegularExpressions;
using LambdaRoutes.Packager.Caching;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Tests.Packaging;

namespace LambdaRoutes.Packager.Tests.Caching;

/// <summary>
/// The toolchain in a cache entry's name is the one the build really used: the ILCompiler package every route's real AOT
/// publish restored (its <c>project.assets.json</c>) is the version <see cref="DotnetToolchain"/> read from the SDK beforehand.
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
        var entries = Directory.GetDirectories(Path.Combine(built.AppDir, EntryProject.EntryRoot));
        Assert.NotEmpty(entries);

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
