using System.Diagnostics;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// Publishes one route's entry project with Native AOT and turns the result into its artifacts: <c>bootstrap</c>
/// (mode 0755), the zip, then the stamp. The app was compiled and everything restored beforehand
/// (<see cref="AppCompiler"/>), so this runs in parallel with the other routes without touching shared obj/ folders.
/// </summary>
internal static class RoutePublisher
{
    public static async Task PublishAsync(RouteBuild build, BuildOptions options, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        var publishDir = Path.Combine(build.Entry.Dir, "publish");
        var result = await DotnetProcess.RunAsync(
            ["publish", build.Entry.ProjectPath, "-c", "Release", "--no-restore", "-p:BuildProjectReferences=false",
             "-o", publishDir, "-nologo", "-v:q", "-clp:NoSummary", "-nodeReuse:false", "-m:1"],
            build.Entry.Dir, cancel);
        var messages = BuildMessageParser.Parse(result.Lines);
        build.AotWarnings = messages.Count(m => m.IsAotWarning);
        var warnings = messages.Where(m => !m.IsError).Select(m => $"{m.Location}: warning {m.Code}: {m.Text}");
        var publishedBootstrap = Path.Combine(publishDir, "bootstrap");
        if (result.ExitCode != 0 || !File.Exists(publishedBootstrap))
        {
            var errors = messages.Where(m => m.IsError).Select(m => $"{m.Location}: error {m.Code}: {m.Text}").ToList();
            build.Errors = errors.Count > 0 ? errors : result.Lines.TakeLast(20).ToList();
            build.State = RouteBuildState.Failed;
            build.Elapsed = watch.Elapsed;
            return;
        }

        var glibc = GlibcCheck.Check(publishedBootstrap);
        var problems = new List<string>();
        if (glibc.Problem is not null)
        {
            problems.Add($"warning LR3003: {glibc.Problem}");
        }
        else if (glibc.TooNew.Count > 0)
        {
            build.Errors = [
                $"error LR3002: bootstrap needs glibc {glibc.Highest} but Amazon Linux 2023 (provided.al2023) has {GlibcCheck.AmazonLinux2023}: " +
                string.Join(", ", glibc.TooNew) + ". Build on a host with glibc <= 2.34 (e.g. Amazon Linux 2023 or Debian 11).",
            ];
            build.State = RouteBuildState.Failed;
            build.Elapsed = watch.Elapsed;
            return;
        }

        WriteArtifacts(publishedBootstrap, build);
        build.Errors = [.. warnings, .. problems];
        build.State = RouteBuildState.Built;
        build.Elapsed = watch.Elapsed;
    }

    private static void WriteArtifacts(string publishedBootstrap, RouteBuild build)
    {
        var artifacts = build.Artifacts;
        Directory.CreateDirectory(artifacts.Folder);
        File.Delete(artifacts.Stamp);
        File.Copy(publishedBootstrap, artifacts.Bootstrap, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(artifacts.Bootstrap,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        ZipWriter.Write(artifacts.Bootstrap, artifacts.Zip);
        File.WriteAllText(artifacts.Stamp, build.InputHash);
    }
}
