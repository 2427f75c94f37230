using System.Collections.Concurrent;
using System.Xml.Linq;
using LambdaRoutes.Packager.Packaging;

namespace LambdaRoutes.Packager.Caching;

/// <summary>
/// The .NET SDK and Native AOT compiler (ILCompiler) a build's <c>dotnet publish</c> runs with. A route's input hash names its
/// sources and settings, not the compiler, so the artifact cache keys an entry by both (<see cref="ArtifactCache.EntryName"/>):
/// a machine with another SDK or ILCompiler never downloads a binary built by a different one. The SDK is the one
/// <c>dotnet --version</c> selects in the app's folder (global.json included); the ILCompiler version per target framework is
/// the SDK's own table, <c>KnownILCompilerPack</c> in <c>Microsoft.NETCoreSdk.BundledVersions.props</c>, from which the SDK
/// picks the package a publish restores (https://learn.microsoft.com/dotnet/core/deploying/native-aot/).
/// </summary>
internal sealed record DotnetToolchain(string SdkVersion, IReadOnlyDictionary<string, string> IlCompilerVersions)
{
    private static readonly ConcurrentDictionary<string, Task<DotnetToolchain>> Detected = new(StringComparer.Ordinal);

    /// <summary>What a cache entry records and its name is derived from, e.g. <c>sdk 10.0.401, ILCompiler 10.0.12</c>.</summary>
    public string Describe(string framework) =>
        $"sdk {SdkVersion}, ILCompiler {(IlCompilerVersions.TryGetValue(framework, out var version) ? version : "unknown")}";

    /// <summary>The toolchain for builds of the app in <paramref name="appDir"/>, found once per process and folder.</summary>
    public static Task<DotnetToolchain> DetectAsync(string appDir, CancellationToken cancel) =>
        Detected.GetOrAdd(Path.GetFullPath(appDir), dir => DetectUncachedAsync(dir, cancel));

    private static async Task<DotnetToolchain> DetectUncachedAsync(string appDir, CancellationToken cancel)
    {
        var version = await DotnetProcess.RunAsync(["--version"], appDir, cancel);
        var sdk = version.ExitCode == 0 ? version.Lines.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "unknown" : "unknown";
        var props = SdkFolder(sdk) is { } folder ? Path.Combine(folder, "Microsoft.NETCoreSdk.BundledVersions.props") : null;
        return new DotnetToolchain(sdk, props is not null && File.Exists(props) ? IlCompilerPacks(XDocument.Load(props)) : new Dictionary<string, string>());
    }

    /// <summary>Target framework → <c>ILCompilerPackVersion</c> of the SDK's <c>KnownILCompilerPack</c> items.</summary>
    public static IReadOnlyDictionary<string, string> IlCompilerPacks(XDocument bundledVersions) => bundledVersions.Descendants()
        .Where(e => e.Name.LocalName == "KnownILCompilerPack")
        .Select(e => ((string?)e.Attribute("TargetFramework"), (string?)e.Attribute("ILCompilerPackVersion")))
        .Where(p => p.Item1 is not null && p.Item2 is not null)
        .DistinctBy(p => p.Item1)
        .ToDictionary(p => p.Item1!, p => p.Item2!, StringComparer.Ordinal);

    /// <summary><c>&lt;dotnet root&gt;/sdk/&lt;version&gt;</c> of the <c>dotnet</c> on PATH (symbolic links followed), or null.</summary>
    private static string? SdkFolder(string sdk)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var host = new FileInfo(Path.Combine(dir, "dotnet"));
            if (!host.Exists)
            {
                continue;
            }

            var real = host.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? host.FullName;
            var folder = Path.Combine(Path.GetDirectoryName(real)!, "sdk", sdk);
            return Directory.Exists(folder) ? folder : null;
        }

        return null;
    }
}
