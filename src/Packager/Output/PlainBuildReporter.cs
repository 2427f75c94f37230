using System.Globalization;
using LambdaRoutes.Packager.Packaging;

namespace LambdaRoutes.Packager.Output;

/// <summary>One line per event, no cursor movement or colour: for CI logs and redirected output.</summary>
internal sealed class PlainBuildReporter(TextWriter writer) : IBuildReporter
{
    private readonly Lock _gate = new();

    public void Info(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
        }
    }

    public Task ShowWhileAsync(IReadOnlyList<RouteBuild> builds, Func<Task> work) => work();

    public void RouteStarted(RouteBuild build) => Info($"building {build.Route.Id} ({build.Route.Route})");

    public void RouteFinished(RouteBuild build) =>
        Info(string.Create(CultureInfo.InvariantCulture, $"{build.State.ToString().ToLowerInvariant()} {build.Route.Id} in {build.Elapsed.TotalSeconds:0.0} s"));

    public void Summary(IReadOnlyList<RouteBuild> builds, TimeSpan total)
    {
        var console = Terminal.For(writer);
        console.Write(BuildTable.Render(builds, live: false));
        Info(BuildTable.Totals(builds, total));
    }
}
