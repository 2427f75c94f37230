using System.Diagnostics;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>The outcome of one AOT publish: the bootstrap it produced (null on failure), its errors, warnings and time.</summary>
internal sealed record PublishOutcome(string? Bootstrap, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, int AotWarnings, TimeSpan Elapsed)
{
    public bool Succeeded => Bootstrap is not null;
}

/// <summary>
/// Publishes one entry project with Native AOT and checks the binary's glibc needs. The app was compiled and everything
/// restored beforehand (<see cref="AppCompiler"/>), so publishes run in parallel without touching shared obj/ folders.
/// </summary>
internal static class EntryPublisher
{
    public static async Task<PublishOutcome> PublishAsync(EntryProject entry, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        var publishDir = Path.Combine(entry.Dir, "publish");
        var result = await DotnetProcess.RunAsync(
            ["publish", entry.ProjectPath, "-c", "Release", "--no-restore", "-p:BuildProjectReferences=false",
             "-o", publishDir, "-nologo", "-v:q", "-clp:NoSummary", "-nodeReuse:false", "-m:1"],
            entry.Dir, cancel);
        var messages = BuildMessageParser.Parse(result.Lines);
        var aotWarnings = messages.Count(m => m.IsAotWarning);
        var warnings = messages.Where(m => !m.IsError).Select(m => $"{m.LocationIn(entry.AppDir)}: warning {m.Code}: {m.Text}").ToList();
        var bootstrap = Path.Combine(publishDir, "bootstrap");
        if (result.ExitCode != 0 || !File.Exists(bootstrap))
        {
            var errors = messages.Where(m => m.IsError).Select(m => $"{m.LocationIn(entry.AppDir)}: error {m.Code}: {m.Text}").ToList();
            return new PublishOutcome(null, errors.Count > 0 ? errors : [.. result.Lines.TakeLast(20)], warnings, aotWarnings, watch.Elapsed);
        }

        var glibc = GlibcCheck.Check(bootstrap, objdump: CrossToolchain.For(entry.Architecture).Objdump);
        if (glibc.Problem is not null)
        {
            warnings.Add($"warning LR3003: {glibc.Problem}");
        }
        else if (glibc.TooNew.Count > 0)
        {
            string error = $"error LR3002: bootstrap needs glibc {glibc.Highest} but Amazon Linux 2023 (provided.al2023) has {GlibcCheck.AmazonLinux2023}: " +
                string.Join(", ", glibc.TooNew) + ". Build on a host with glibc <= 2.34 (e.g. Amazon Linux 2023 or Debian 11).";
            return new PublishOutcome(null, [error], warnings, aotWarnings, watch.Elapsed);
        }

        return new PublishOutcome(bootstrap, [], warnings, aotWarnings, watch.Elapsed);
    }
}
