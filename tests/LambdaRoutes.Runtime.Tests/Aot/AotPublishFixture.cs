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

/// <summary>
/// Publishes AotFixture/ once per test run with Native AOT (net8.0, linux-x64) into a temporary folder, keeping
/// the publish log so tests can assert on trim/AOT warnings. Output and intermediate files go to an artifacts path
/// outside the repository, so a concurrent build of src/Runtime is not disturbed.
/// </summary>
public sealed partial class AotPublishFixture : IDisposable
{
    public AotPublishFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "lambda-routes-aot-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Root);
        var project = Path.Combine(Fixtures.RepositoryRoot, "tests", "LambdaRoutes.Runtime.Tests", "AotFixture", "AotFixture.csproj");
        var (exit, output) = Run(DotnetHost(), new[]
        {
            "publish", project, "-c", "Release", "--artifacts-path", Path.Combine(Root, "artifacts"),
            "-o", Path.Combine(Root, "out"), "-nologo", "-clp:NoSummary",
        }, TimeSpan.FromMinutes(8));
        PublishExitCode = exit;
        PublishLog = output;
        BootstrapPath = Path.Combine(Root, "out", "bootstrap");
    }

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
