using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using System.Xml.Linq;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// Publishes every pending entry project of a per-route build in ONE MSBuild run: a generated traversal project
/// (<c>obj/lambda-routes/publish.proj</c>) hands them all to the <c>MSBuild</c> task with <c>BuildInParallel</c>, and
/// <c>-m:&lt;jobs&gt;</c> bounds how many publish at once. A <c>dotnet publish</c> per route started the CLI and MSBuild,
/// evaluated the SDK's targets and the app and runtime projects again for every route; one run does that once per node
/// (bench/results/build-scaling.md). The properties are the ones <c>dotnet publish -c Release --no-restore -o publish</c>
/// sets, so each project runs the targets and ILCompiler arguments of a publish of its own.
/// A route that fails does not stop the others (<c>ContinueOnError</c>); every message line carries its project
/// (<c>… [/app/obj/lambda-routes/ApiA/ApiA.csproj]</c>), which is how each route gets its own errors and warnings.
/// </summary>
internal static partial class BatchPublisher
{
    public const string ProjectName = "publish.proj";

    public static async Task PublishAsync(IReadOnlyList<EntryProject> entries, int jobs, Action<EntryProject> started,
        Action<EntryProject, PublishOutcome> finished, CancellationToken cancel)
    {
        var root = Path.GetDirectoryName(entries[0].Dir)!;
        var traversal = Path.Combine(root, ProjectName);
        File.WriteAllText(traversal, ProjectText(entries));
        foreach (var entry in entries)
        {
            // An earlier build's bootstrap must not pass for this run's: a route whose publish fails then has none.
            if (File.Exists(Bootstrap(entry)))
            {
                File.Delete(Bootstrap(entry));
            }

            started(entry);
        }

        var watch = Stopwatch.StartNew();
        var byPublishDir = entries.ToDictionary(e => FullDir(EntryPublisher.PublishDir(e)), StringComparer.Ordinal);
        var seen = new List<string>();
        var published = Channel.CreateUnbounded<(EntryProject Entry, TimeSpan Elapsed)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        // -v:m, not -v:q: minimal verbosity prints the line each project's Publish target ends with, which is how a route is
        // reported (and a build can be cancelled after it) while the others still publish.
        var running = DotnetProcess.RunAsync(
            ["msbuild", traversal, "-m:" + Math.Max(1, jobs), "-nodeReuse:false", "-nologo", "-v:m", "-clp:NoSummary"], root, stop.Token,
            line =>
            {
                lock (seen)
                {
                    seen.Add(line);
                }

                if (PublishedDir(line) is { } dir && byPublishDir.TryGetValue(dir, out var entry))
                {
                    published.Writer.TryWrite((entry, watch.Elapsed));
                }
            });
        _ = running.ContinueWith(_ => published.Writer.TryComplete(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

        var reported = new HashSet<EntryProject>();
        try
        {
            await foreach (var (entry, elapsed) in published.Reader.ReadAllAsync(CancellationToken.None))
            {
                // Once cancelled, nothing more is reported: the run is being killed.
                if (!cancel.IsCancellationRequested && reported.Add(entry))
                {
                    finished(entry, Outcome(entry, LinesOf(entry, seen), [], elapsed));
                }
            }
        }
        catch
        {
            // A route's artifacts could not be written: no MSBuild run may outlive the build that started it.
            await stop.CancelAsync();
            await running.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }

        // Cancelled: DotnetProcess has killed the MSBuild process tree and throws; a run that ended just before still stops here.
        var run = await running;
        cancel.ThrowIfCancellationRequested();
        // The routes without a Publish end line failed (or their project prints none): their own output and the run's decide.
        var unattributed = run.Lines.Where(l => ProjectOf(l) is null && !OutputLine().IsMatch(l)).ToList();
        foreach (var entry in entries.Where(e => !reported.Contains(e)))
        {
            finished(entry, Outcome(entry, LinesOf(entry, run.Lines), unattributed, run.Elapsed));
        }
    }

    /// <summary>A route's outcome from its own lines; the run's other lines explain a failure that names no project.</summary>
    private static PublishOutcome Outcome(EntryProject entry, IReadOnlyList<string> own, IReadOnlyList<string> unattributed, TimeSpan elapsed)
    {
        var built = File.Exists(Bootstrap(entry)) && !own.Any(IsError);
        return EntryPublisher.Outcome(entry, built, built ? own : [.. own, .. unattributed], elapsed);
    }

    /// <summary>The lines among <paramref name="lines"/> (locked: the run may still add to them) that name the entry's project.</summary>
    private static List<string> LinesOf(EntryProject entry, IReadOnlyList<string> lines)
    {
        var project = Path.GetFullPath(entry.ProjectPath);
        lock (lines)
        {
            return lines.Where(l => ProjectOf(l) == project).ToList();
        }
    }

    /// <summary>
    /// The publish folder a line reports finished, when it is the line the SDK's <c>Publish</c> target ends with:
    /// <c>&lt;project name&gt; -&gt; &lt;full PublishDir&gt;</c> (Microsoft.NET.Publish.targets, at minimal verbosity).
    /// </summary>
    public static string? PublishedDir(string line) =>
        OutputLine().Match(line) is { Success: true } output && output.Groups["path"].Value.EndsWith('/') ? FullDir(output.Groups["path"].Value) : null;

    private static string FullDir(string dir) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));

    private static string Bootstrap(EntryProject entry) => Path.Combine(EntryPublisher.PublishDir(entry), "bootstrap");

    /// <summary>The traversal project: no SDK, so none of the app's Directory.Build files or NuGet imports apply to it.</summary>
    public static string ProjectText(IReadOnlyList<EntryProject> entries)
    {
        var project = new XElement("Project", new XAttribute("DefaultTargets", "Publish"),
            new XComment(" <auto-generated> by lambda-routes: publishes every route's entry project in one MSBuild run </auto-generated> "),
            new XElement("ItemGroup", entries.Select(e => new XElement("EntryProject",
                new XAttribute("Include", Path.GetFullPath(e.ProjectPath)),
                new XAttribute("AdditionalProperties", $"PublishDir={Path.GetFullPath(EntryPublisher.PublishDir(e))}/")))),
            new XElement("Target", new XAttribute("Name", "Publish"),
                new XElement("MSBuild",
                    new XAttribute("Projects", "@(EntryProject)"),
                    new XAttribute("Targets", "Publish"),
                    new XAttribute("BuildInParallel", "true"),
                    new XAttribute("ContinueOnError", "true"),
                    // What `dotnet publish -c Release --no-restore -p:BuildProjectReferences=false` passes (_IsPublishing: the CLI's
                    // publish marker, https://learn.microsoft.com/dotnet/core/tools/dotnet-publish).
                    new XAttribute("Properties", "Configuration=Release;BuildProjectReferences=false;_IsPublishing=true"))));
        return project + Environment.NewLine;
    }

    /// <summary>
    /// The project a message line names at its end, or, for a message about the project file itself (which MSBuild prints
    /// without that suffix), at its start; null for any other line.
    /// </summary>
    public static string? ProjectOf(string line) =>
        ProjectSuffix().Match(line.TrimEnd()) is { Success: true } suffix ? suffix.Groups["project"].Value
        : ProjectOrigin().Match(line.TrimStart()) is { Success: true } origin ? origin.Groups["project"].Value
        : null;

    private static bool IsError(string line) => BuildMessageParser.Parse([line]).Any(m => m.IsError);

    [GeneratedRegex(@"\s\[(?<project>/[^\]\[]+?\.csproj)(::[^\]]*)?\]$")]
    private static partial Regex ProjectSuffix();

    [GeneratedRegex(@"^(?<project>/[^\[\]:]+?\.csproj)(\([\d,]+\))?\s*:\s")]
    private static partial Regex ProjectOrigin();

    /// <summary>What minimal verbosity prints for each output a project produced: <c>  ApiHello -&gt; /app/…/ApiHello.dll</c>.</summary>
    [GeneratedRegex(@"^\s*[^\s\[\]]+ -> (?<path>/.*)$")]
    private static partial Regex OutputLine();
}
