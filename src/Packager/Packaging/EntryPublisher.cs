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
        var result = await DotnetProcess.RunAsync(
            ["publish", entry.ProjectPath, "-c", "Release", "--no-restore", "-p:BuildProjectReferences=false",
             "-o", PublishDir(entry), "-nologo", "-v:q", "-clp:NoSummary", "-nodeReuse:false", "-m:1"],
            entry.Dir, cancel);
        return Outcome(entry, result.ExitCode == 0, result.Lines, watch.Elapsed);
    }

    /// <summary>Where a publish of <paramref name="entry"/> puts its <c>bootstrap</c>.</summary>
    public static string PublishDir(EntryProject entry) => Path.Combine(entry.Dir, "publish");

    /// <summary>
    /// The outcome of a publish of <paramref name="entry"/> from its output <paramref name="lines"/> (this project's only):
    /// the bootstrap when one was produced and its glibc needs fit Amazon Linux 2023, else the errors.
    /// </summary>
    public static PublishOutcome Outcome(EntryProject entry, bool succeeded, IReadOnlyList<string> lines, TimeSpan elapsed)
    {
        var messages = BuildMessageParser.Parse(lines);
        var aotWarnings = messages.Count(m => m.IsAotWarning);
        var warnings = messages.Where(m => !m.IsError).Select(m => $"{m.LocationIn(entry.AppDir)}: warning {m.Code}: {m.Text}").ToList();
        var bootstrap = Path.Combine(PublishDir(entry), "bootstrap");
        if (!succeeded || !File.Exists(bootstrap))
        {
            var errors = messages.Where(m => m.IsError).Select(m => $"{m.LocationIn(entry.AppDir)}: error {m.Code}: {m.Text}").ToList();
            return new PublishOutcome(null, errors.Count > 0 ? errors : [.. lines.TakeLast(20)], warnings, aotWarnings, elapsed);
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
            return new PublishOutcome(null, [error], warnings, aotWarnings, elapsed);
        }

        return new PublishOutcome(bootstrap, [], warnings, aotWarnings, elapsed);
    }
}
