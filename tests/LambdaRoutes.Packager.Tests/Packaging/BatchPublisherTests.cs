using System.Globalization;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>
/// The one MSBuild run that publishes every pending route (<see cref="BatchPublisher"/>), driven for real by <c>dotnet msbuild</c>
/// over stand-in entry projects whose <c>Publish</c> target logs or waits and whose <c>CopyNativeBinary</c> (as ILCompiler's, run
/// after <c>Publish</c>) writes the bootstrap, in seconds; they end with the generated entry project's own marker target. Each route
/// gets its own bootstrap, errors and warnings, a failing route does not stop the others, and a bootstrap left by an earlier build
/// never passes for this run's. A route is reported while another still publishes. Cancelling the run kills the whole MSBuild
/// process tree (also a route's publish still under way) and surfaces as cancellation, the routes reported before it kept.
/// </summary>
public sealed class BatchPublisherTests : IDisposable
{
    private readonly TempApp _app = new("Batch", withProject: false);

    private EntryProject Entry(string id, string publish, string copyNativeBinary = Writes) =>
        StandInEntryProjects.Write(_app.Dir, id, publish, copyNativeBinary);

    private const string Writes = StandInEntryProjects.WritesBootstrap;

    [Fact]
    public async Task Each_route_gets_its_own_outcome_from_one_run_and_a_failure_stops_no_other_route()
    {
        var good = Entry("ApiGood", """<Warning Code="IL2026" File="$(MSBuildProjectDirectory)/Program.cs" Text="Using member 'X' which has 'RequiresUnreferencedCodeAttribute'" />""");
        var broken = Entry("ApiBroken", """<Error Code="CS1002" File="$(MSBuildProjectDirectory)/Program.cs" Text="; expected" />""");
        var other = Entry("ApiOther", "");
        var stale = Path.Combine(EntryPublisher.PublishDir(broken), "bootstrap");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "a bootstrap from an earlier build");
        var (started, outcomes) = (new List<string>(), new Dictionary<string, PublishOutcome>());

        await BatchPublisher.PublishAsync([good, broken, other], jobs: 2, e => started.Add(e.RouteId), (e, o) => outcomes.Add(e.RouteId, o), CancellationToken.None);

        Assert.Equal(["ApiGood", "ApiBroken", "ApiOther"], started);
        Assert.NotNull(outcomes["ApiGood"].Bootstrap);
        Assert.Equal("ApiGood Release false true", File.ReadAllText(outcomes["ApiGood"].Bootstrap!).Trim()); // what `dotnet publish -c Release` passes
        Assert.Equal(1, outcomes["ApiGood"].AotWarnings); // its warning came before its marker line, and was counted with it
        Assert.NotNull(outcomes["ApiOther"].Bootstrap);
        Assert.Equal(0, outcomes["ApiOther"].AotWarnings);
        Assert.Null(outcomes["ApiBroken"].Bootstrap);
        Assert.Equal([$"{EntryProject.EntryRoot}/ApiBroken/Program.cs: error CS1002: ; expected"], outcomes["ApiBroken"].Errors);
        Assert.False(File.Exists(stale));
    }

    [Fact]
    public async Task A_route_is_reported_as_soon_as_its_binary_is_final_while_another_still_publishes()
    {
        // The slow route publishes until the test releases it (it gives up, failing, after two minutes), so it cannot end
        // before the fast one has been reported unless the fast one was only reported at the end of the run.
        var release = Path.Combine(_app.Dir, "release");
        var fast = Entry("ApiFast", "");
        var slow = Entry("ApiSlow", $"""<Exec Command="timeout 120 sh -c &quot;while [ ! -f '{release}' ]; do sleep 0.1; done&quot;" />""");
        var finished = new List<(string Id, bool SlowReleased, bool Built)>();

        await BatchPublisher.PublishAsync([fast, slow], jobs: 2, _ => { }, (e, o) =>
        {
            lock (finished) finished.Add((e.RouteId, File.Exists(release), o.Succeeded));
            if (e.RouteId == "ApiFast") File.WriteAllText(release, "");
        }, CancellationToken.None);

        Assert.Equal([("ApiFast", false, true), ("ApiSlow", true, true)], finished);
    }

    [Fact]
    public async Task Cancelling_the_run_kills_its_process_tree_and_keeps_only_the_routes_reported_before()
    {
        // The slow route's publish is a process that would run for ten minutes; the build is cancelled once it runs and the
        // fast route has been reported.
        var pidFile = Path.Combine(_app.Dir, "slow.pid");
        var fast = Entry("ApiFast", "");
        var slow = Entry("ApiSlow", $"""<Exec Command="echo $$ > '{pidFile}'; exec sleep 600" />""");
        using var cancel = new CancellationTokenSource();
        var finished = new List<string>();
        var publish = BatchPublisher.PublishAsync([fast, slow], jobs: 2, _ => { }, (e, _) => { lock (finished) finished.Add(e.RouteId); }, cancel.Token);
        Assert.True(SpinWait.SpinUntil(() => (File.Exists(pidFile) && new FileInfo(pidFile).Length > 0 && Reported(finished, "ApiFast")) || publish.IsCompleted, TimeSpan.FromMinutes(5)));
        Assert.False(publish.IsCompleted, "the run ended before the slow route's publish started");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publish);
        Assert.Equal(["ApiFast"], finished); // the slow route is never reported, neither built nor failed
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        // Kill(entireProcessTree) signals every process before the run's task ends; reaping the dead one may lag.
        Assert.True(SpinWait.SpinUntil(() => !IsRunning(pid), TimeSpan.FromSeconds(60)), $"the slow route's publish (pid {pid}) outlived the cancelled run");
        Assert.False(File.Exists(Path.Combine(EntryPublisher.PublishDir(slow), "bootstrap")));
        Assert.True(File.Exists(Path.Combine(EntryPublisher.PublishDir(fast), "bootstrap")));
    }

    private static bool Reported(List<string> finished, string id)
    {
        lock (finished) return finished.Contains(id);
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
