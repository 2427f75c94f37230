using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using LambdaRoutes.Runtime.Tests.Support;

namespace LambdaRoutes.Runtime.Tests.Aot;

/// <summary>
/// The test classes that run the published <c>bootstrap</c>: one collection so they share one AOT publish (and, as a
/// collection, run one after another).
/// </summary>
[CollectionDefinition(Name)]
public sealed class AotCollection : ICollectionFixture<AotPublishFixture>
{
    public const string Name = "AOT bootstrap";
}

/// <summary>The arm64 bootstrap tests: their own collection and publish, run under qemu-user on an x86_64 host.</summary>
[CollectionDefinition(Name)]
public sealed class Arm64AotCollection : ICollectionFixture<Arm64AotPublishFixture>
{
    public const string Name = "AOT bootstrap, linux-arm64";
}

/// <summary>AotFixture/ cross-compiled for linux-arm64 (Lambda's Graviton functions), once per test run.</summary>
public sealed class Arm64AotPublishFixture() : AotPublishFixture("linux-arm64", "arm64");

/// <summary>
/// Publishes AotFixture/ once per test run with Native AOT (net10.0, linux-x64 unless a subclass picks another RID) into
/// a temporary folder, keeping the publish log so tests can assert on trim/AOT warnings. Output and intermediate files go
/// to an artifacts path outside the repository, so a concurrent build of src/Runtime is not disturbed.
/// </summary>
public partial class AotPublishFixture : IDisposable
{
    public AotPublishFixture() : this("linux-x64", "x86_64")
    {
    }

    protected AotPublishFixture(string runtimeIdentifier, string architecture)
    {
        Architecture = architecture;
        Root = Path.Combine(Path.GetTempPath(), $"lambda-routes-aot-{architecture}-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Root);
        var project = Path.Combine(Fixtures.RepositoryRoot, "tests", "LambdaRoutes.Runtime.Tests", "AotFixture", "AotFixture.csproj");
        var (exit, output) = Run(DotnetHost(), new[]
        {
            "publish", project, "-c", "Release", "-p:AotFixtureRuntimeIdentifier=" + runtimeIdentifier, "--artifacts-path", Path.Combine(Root, "artifacts"),
            "-o", Path.Combine(Root, "out"), "-nologo", "-clp:NoSummary",
        }, TimeSpan.FromMinutes(8));
        PublishExitCode = exit;
        PublishLog = output;
        BootstrapPath = Path.Combine(Root, "out", "bootstrap");
    }

    /// <summary>The Lambda architecture of the bootstrap: <c>x86_64</c> or <c>arm64</c>.</summary>
    public string Architecture { get; }

    /// <summary>The objdump that reads this architecture's binaries (binutils-aarch64-linux-gnu's for arm64 on x86_64).</summary>
    public string Objdump => Architecture == "arm64" && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.Arm64
        ? "aarch64-linux-gnu-objdump"
        : "objdump";

    /// <summary>The command that starts the bootstrap on this host: itself, or qemu-user running it (see <see cref="Local.ArchitectureLauncher"/>).</summary>
    public (string Executable, IReadOnlyList<string> Arguments) Launch => Local.ArchitectureLauncher.Command(BootstrapPath, Architecture);

    public string Root { get; }

    public int PublishExitCode { get; }

    public string PublishLog { get; }

    public string BootstrapPath { get; }

    /// <summary>Every distinct IL2xxx (trimming) or IL3xxx (AOT) warning code the publish reported.</summary>
    public IReadOnlyList<string> AotWarnings =>
        AotWarning().Matches(PublishLog).Select(m => m.Value).Distinct().ToArray();

    [GeneratedRegex(@"warning IL[23]\d{3}")]
    private static partial Regex AotWarning();

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* best effort: a temp folder */ }
    }

    internal static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    internal static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        // Publishing inside a test run must not inherit the test host's MSBuild node settings.
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");
        info.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output + "\n(timed out)");
        }
        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }
}
