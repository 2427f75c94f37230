using LambdaRoutes.Packager.Packaging;
using Spectre.Console;

namespace LambdaRoutes.Packager.Output;

/// <summary>A live table on a terminal: every route's state and elapsed time, redrawn while the publishes run.</summary>
internal sealed class LiveBuildReporter(IAnsiConsole console, TextWriter writer) : IBuildReporter
{
    public void Info(string line) => console.MarkupLine($"[grey]{Markup.Escape(line)}[/]");

    public async Task ShowWhileAsync(IReadOnlyList<RouteBuild> builds, Func<Task> work)
    {
        await console.Live(BuildTable.Render(builds, live: true)).StartAsync(async context =>
        {
            var running = work();
            while (!running.IsCompleted)
            {
                context.UpdateTarget(BuildTable.Render(builds, live: true));
                await Task.WhenAny(running, Task.Delay(250));
            }

            context.UpdateTarget(BuildTable.Render(builds, live: true));
            await running;
        });
    }

    public void RouteStarted(RouteBuild build)
    {
    }

    public void RouteFinished(RouteBuild build)
    {
    }

    /// <summary>The live table already shows every route; only the totals are left to say.</summary>
    public void Summary(IReadOnlyList<RouteBuild> builds, TimeSpan total)
    {
        if (builds.All(b => b.State == RouteBuildState.Cached))
        {
            console.Write(BuildTable.Render(builds, live: true));
        }

        writer.WriteLine(BuildTable.Totals(builds, total));
    }
}
