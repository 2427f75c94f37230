using System.Globalization;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>
/// The one MSBuild run that publishes every pending route (<see cref="BatchPublisher"/>), driven for real by <c>dotnet msbuild</c>
/// over stand-in entry projects whose <c>Publish</c> target writes a file or logs an error in seconds: each route gets its own
/// bootstrap, errors and warnings, a failing route does not stop the others, and a bootstrap left by an earlier build never
/// passes for this run's. A route is reported as soon as its publish ends, while the others still run, and cancelling the
/// build then kills the whole MSBuild process tree and surfaces as cancellation.
/// </summary>
public sealed class BatchPublisherTests : IDisposable
{
    private readonly TempApp _app = new("Batch", withProject: false);

    private EntryProject Entry(string id, string publishTarget)
    {
        var dir = Path.Combine(_app.Dir, EntryProject.EntryRoot, id);
        Directory.CreateDirectory(dir);
        var project = Path.Combine(dir, id + ".csproj");
        File.WriteAllText(project, $"""
            <Project>
              <Target Name="Publish">
                {publishTarget}
              </Target>
            </Project>
            """);
        return new EntryProject(id, dir, project, "", File.ReadAllText(project));
    }

    private const string Writes = """
        <MakeDir Directories="$(PublishDir)" />
        <WriteLinesToFile File="$(PublishDir)bootstrap" Lines="$(MSBuildProjectName) $(Configuration) $(BuildProjectReferences) $(_IsPublishing)" Overwrite="true" />
        """;

    [Fact]
    public async Task Each_route_gets_its_own_outcome_from_one_run_and_a_failure_stops_no_other_route()
    {
        var good = Entry("ApiGood", Writes + """<Warning Code="IL2026" File="$(MSBuildProjectDirectory)/Program.cs" Text="Using member 'X' which has 'RequiresUnreferencedCodeAttribute'" />""");
        var broken = Entry("ApiBroken", """<Error Code="CS1002" File="$(MSBuildProjectDirectory)/Program.cs" Text="; expected" />""");
        var other = Entry("ApiOther", Writes);
        var stale = Path.Combine(EntryPublisher.PublishDir(broken), "bootstrap");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "a bootstrap from an earlier build");
        var (started, outcomes) = (new List<string>(), new Dictionary<string, PublishOutcome>());

        await BatchPublisher.PublishAsync([good, broken, other], jobs: 2, e => started.Add(e.RouteId), (e, o) => outcomes.Add(e.RouteId, o), CancellationToken.None);

        Assert.Equal(["ApiGood", "ApiBroken", "ApiOther"], started);
        Assert.NotNull(outcomes["ApiGood"].Bootstrap);
        Assert.Equal("ApiGood Release false true", File.ReadAllText(outcomes["ApiGood"].Bootstrap!).Trim()); // what `dotnet publish -c Release` passes
        Assert.Equal(1, outcomes["ApiGood"].AotWarnings);
        Assert.NotNull(outcomes["ApiOther"].Bootstrap);
        Assert.Equal(0, outcomes["ApiOther"].AotWarnings);
        Assert.Null(outcomes["ApiBroken"].Bootstrap);
        Assert.Equal([$"{EntryProject.EntryRoot}/ApiBroken/Program.cs: error CS1002: ; expected"], outcomes["ApiBroken"].Errors);
        Assert.False(File.Exists(stale));
    }

    /// <summary>The line the SDK's <c>Publish</c> target ends with (Microsoft.NET.Publish.targets); real entry projects print it.</summary>
    private const string PublishEndLine = """<Message Importance="High" Text="$(MSBuildProjectName) -> $([System.IO.Path]::GetFullPath('$(PublishDir)'))" />""";

    [Fact]
    public async Task A_route_is_reported_when_its_publish_ends_and_cancelling_then_kills_the_run()
    {
        // The slow route's publish is a process that would run for ten minutes; the fast one ends once that process is running.
        var pidFile = Path.Combine(_app.Dir, "slow.pid");
        var fast = Entry("ApiFast", $"""<Exec Command="while [ ! -s '{pidFile}' ]; do sleep 0.1; done" />""" + Writes + PublishEndLine);
        var slow = Entry("ApiSlow", $"""<Exec Command="echo $$ > '{pidFile}'; exec sleep 600" />""" + Writes + PublishEndLine);
        using var cancel = new CancellationTokenSource();
        var outcomes = new Dictionary<string, PublishOutcome>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BatchPublisher.PublishAsync([fast, slow], jobs: 2, _ => { },
            (e, o) =>
            {
                outcomes.Add(e.RouteId, o);
                cancel.Cancel();
            },
            cancel.Token));

        Assert.Equal(["ApiFast"], outcomes.Keys);
        Assert.Equal("ApiFast Release false true", File.ReadAllText(outcomes["ApiFast"].Bootstrap!).Trim());
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        Assert.True(SpinWait.SpinUntil(() => !IsRunning(pid), TimeSpan.FromSeconds(60)), $"the slow route's publish (pid {pid}) outlived the cancelled run");
        Assert.False(File.Exists(Path.Combine(EntryPublisher.PublishDir(slow), "bootstrap")));
    }

    /// <summary>Whether a process is alive: it has a /proc entry and is not a zombie waiting for a parent to reap it.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Theory]
    [InlineData("  ApiX -> /app/obj/lambda-routes/ApiX/publish/", "/app/obj/lambda-routes/ApiX/publish")]
    [InlineData("ApiX -> /a b/ApiX/publish/", "/a b/ApiX/publish")]
    [InlineData("  ApiX -> /app/obj/lambda-routes/ApiX/bin/Release/net10.0/linux-x64/ApiX.dll", null)]
    [InlineData("/app/api/x.cs(12,5): error CS1002: ; expected [/app/obj/lambda-routes/ApiX/ApiX.csproj]", null)]
    public void The_line_a_publish_ends_with_names_its_folder(string line, string? folder)
    {
        Assert.Equal(folder, BatchPublisher.PublishedDir(line));
    }

    [Theory]
    [InlineData("/app/api/x.cs(12,5): error CS1002: ; expected [/app/obj/lambda-routes/ApiX/ApiX.csproj]", "/app/obj/lambda-routes/ApiX/ApiX.csproj")]
    [InlineData("ILC : Trim analysis warning IL2026: M: text [/a b/ApiY/ApiY.csproj::TargetFramework=net10.0]", "/a b/ApiY/ApiY.csproj")]
    [InlineData("/app/obj/lambda-routes/ApiZ/ApiZ.csproj(4,5): warning IL2026: M: text", "/app/obj/lambda-routes/ApiZ/ApiZ.csproj")]
    [InlineData("/app/obj/lambda-routes/ApiZ/ApiZ.csproj : error MSB4025: The project file could not be loaded.", "/app/obj/lambda-routes/ApiZ/ApiZ.csproj")]
    [InlineData("/app/api/x.cs(12,5): error CS1002: ; expected", null)]
    [InlineData("Time Elapsed 00:00:12.34", null)]
    public void A_message_line_names_its_project_at_the_end(string line, string? project)
    {
        Assert.Equal(project, BatchPublisher.ProjectOf(line));
    }

    public void Dispose() => _app.Dispose();
}
