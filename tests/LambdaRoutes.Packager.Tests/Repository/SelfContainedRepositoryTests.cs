using System.Diagnostics;
using System.Text.RegularExpressions;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Repository;

/// <summary>
/// The repository stands alone: no tracked file reads or cites notes kept beside it (a sibling <c>shared</c> folder,
/// its research files, the design notes) or the tracker's issue numbers. Cite what a reader can open instead: AWS's
/// documentation pages, Next.js files by path, RFCs, or docs/ here.
/// </summary>
public sealed partial class SelfContainedRepositoryTests
{
    [Fact]
    public void No_tracked_file_refers_outside_the_repository()
    {
        var offenders = TrackedTextFiles()
            .SelectMany(file => Lines(file).Select((line, i) => (file, line: i + 1, text: line)))
            .Where(l => OutsideReference().IsMatch(l.text) || (!IsVerbatimData(l.file) && IssueNumber().IsMatch(l.text)))
            .Select(l => $"{l.file}:{l.line}: {l.text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "cite a public source or docs/ instead:\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("// see ../" + "shared/" + "fixtures/events")] // split so this file does not match itself
    [InlineData("/// (aws" + ".md §1.6)")]
    [InlineData("the spec is DESIGN" + ".md")]
    [InlineData("as nextjs" + ".md says")]
    [InlineData("// Issue" + " 8: atomic outputs")]
    public void The_patterns_catch_each_kind_of_reference(string line) =>
        Assert.True(OutsideReference().IsMatch(line) || IssueNumber().IsMatch(line), line);

    [Theory]
    [InlineData("https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html")]
    [InlineData("Next.js packages/next/src/server/api-utils/node/parse-body.ts")]
    [InlineData("(dotnet/runtime#70601)")]
    [InlineData("see docs/runtime.md and tests/fixtures/events/SOURCES.md")]
    public void Public_and_in_repository_citations_pass(string line) =>
        Assert.False(OutsideReference().IsMatch(line) || IssueNumber().IsMatch(line), line);

    // A sibling folder, the research notes in it, and the design notes.
    [GeneratedRegex(@"\.\./shared|shared/(fixtures|reference)|\b(aws|nextjs|performance|style-models)\.md\b|\bDESIGN\.md\b")]
    private static partial Regex OutsideReference();

    [GeneratedRegex(@"\b[Ii]ssues? #?[0-9]+\b")]
    private static partial Regex IssueNumber();

    /// <summary>Genuine AWS events are kept byte for byte; their text is data, not a citation.</summary>
    private static bool IsVerbatimData(string file) => file.StartsWith("tests/fixtures/", StringComparison.Ordinal) && file.EndsWith(".json", StringComparison.Ordinal);

    private static IEnumerable<string> Lines(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, file));
        return bytes.AsSpan().Contains((byte)0) ? [] : System.Text.Encoding.UTF8.GetString(bytes).Split('\n'); // binary files: nothing to cite
    }

    /// <summary>The files git tracks; in a copy that is not a git checkout, every file outside build output.</summary>
    private static IEnumerable<string> TrackedTextFiles()
    {
        var git = new ProcessStartInfo("git", ["ls-files", "-z"]) { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(git)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode == 0) return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(Path.Combine(RepoPaths.Root, f)));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no git on this machine: walk the tree
        }
        string[] skipped = ["/.git/", "/bin/", "/obj/", "/node_modules/", "/cdk.out/", "/.lambda-routes/", "/TestResults/"];
        return Directory.EnumerateFiles(RepoPaths.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .Where(f => !skipped.Any(s => ("/" + f).Contains(s, StringComparison.Ordinal)));
    }
}
