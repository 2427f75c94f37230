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
/// Each route is reported as soon as its entry project prints <see cref="PublishedMarker"/> (its bootstrap is then final), while
/// the run goes on, so a build that is cancelled or fails later keeps it; a route without that line (a failure) is reported
/// when the run has ended, with every line it had.
/// </summary>
internal static partial class BatchPublisher
{
    public const string ProjectName = "publish.proj";

    /// <summary>What an entry project's <see cref="PublishedTarget"/> prints, followed by the project's full path.</summary>
    public const string PublishedMarker = "lambda-routes: published ";

    /// <summary>
    /// The target every generated entry project ends with (<see cref="EntryProjectWriter"/>): a line naming the project once its
    /// bootstrap is final. ILCompiler's <c>CopyNativeBinary</c> runs <c>AfterTargets="Publish"</c> and replaces the SDK's apphost
    /// with the native binary, so the end of <c>Publish</c> itself is too early. A high-importance message: the run logs at
    /// minimal verbosity to show it. Written for the project text's two-space indent.
    /// </summary>
    public const string PublishedTarget = $$"""
        <!-- lambda-routes reports, zips and keeps this route as soon as this line appears, while the other routes still publish. -->
          <Target Name="LambdaRoutesPublished" AfterTargets="CopyNativeBinary">
            <Message Importance="high" Text="{{PublishedMarker}}$(MSBuildProjectFullPath)" />
          </Target>
        """;

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

        var startedAt = DateTime.UtcNow;
        var reported = new HashSet<EntryProject>();
        // A route is reported as soon as its marker line arrives, on a task of its own: the glibc check, the zip and the
        // cache must not hold up reading MSBuild's output.
        var ready = Channel.CreateUnbounded<(EntryProject Entry, IReadOnlyList<string> Lines)>(new UnboundedChannelOptions { SingleReader = true });
        var lines = new PublishRunLines(entries, (entry, own) => ready.Writer.TryWrite((entry, own)));
        var reporting = Task.Run(async () =>
        {
            await foreach (var (entry, own) in ready.Reader.ReadAllAsync(CancellationToken.None))
            {
                // A cancelled build reports no more routes; one with an error waits for all its lines, at the end of the run.
                if (cancel.IsCancellationRequested || !File.Exists(Bootstrap(entry)) || own.Any(IsError))
                {
                    continue;
                }

                reported.Add(entry);
                finished(entry, EntryPublisher.Outcome(entry, succeeded: true, own, ReadyAfter(entry, startedAt, DateTime.UtcNow - startedAt)));
            }
        }, CancellationToken.None);

        ProcessResult run;
        try
        {
            // Cancelling kills the run's process tree (DotnetProcess) and surfaces here as OperationCanceledException.
            run = await DotnetProcess.RunAsync(
                ["msbuild", traversal, "-m:" + Math.Max(1, jobs), "-nodeReuse:false", "-nologo", "-v:m", "-clp:NoSummary"], root, cancel, lines.Add);
        }
        finally
        {
            // No route is reported once this method has returned or thrown: the pipeline stages or keeps what was reported.
            ready.Writer.Complete();
            await reporting;
        }

        foreach (var entry in entries.Where(e => !reported.Contains(e)))
        {
            // A build cancelled while routes are being reported (after the run) reports no more of them.
            cancel.ThrowIfCancellationRequested();
            var own = lines.Of(entry);
            var built = File.Exists(Bootstrap(entry)) && !own.Any(IsError);
            finished(entry, EntryPublisher.Outcome(entry, built, built ? own : [.. own, .. lines.Unattributed], built ? ReadyAfter(entry, startedAt, run.Elapsed) : run.Elapsed));
        }

        cancel.ThrowIfCancellationRequested();
    }

    private static string Bootstrap(EntryProject entry) => Path.Combine(EntryPublisher.PublishDir(entry), "bootstrap");

    /// <summary>
    /// A route's time: when its binary was ready, counted from the start of the run (publishes overlap in one run and have no
    /// time of their own); <paramref name="otherwise"/> when the file's time says nothing sensible.
    /// </summary>
    private static TimeSpan ReadyAfter(EntryProject entry, DateTime startedAt, TimeSpan otherwise) =>
        File.GetLastWriteTimeUtc(Bootstrap(entry)) - startedAt is var elapsed && elapsed >= TimeSpan.Zero ? elapsed : otherwise;

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
}
