using System.Globalization;
using LambdaRoutes.Packager.Packaging;
using Spectre.Console;

namespace LambdaRoutes.Packager.Output;

/// <summary>The per-route table shown live and at the end of a build: route, state, time, sizes, AOT warnings.</summary>
internal static class BuildTable
{
    public static Table Render(IReadOnlyList<RouteBuild> builds, bool live)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("Route", "Id", "Result", "Time", "bootstrap", "zip", "AOT warnings");
        foreach (var build in builds)
        {
            var elapsed = build.State == RouteBuildState.Building && build.StartedAt is { } started
                ? DateTimeOffset.UtcNow - started
                : build.Elapsed;
            table.AddRow(
                Markup.Escape(build.Route.Route),
                build.Route.Id,
                StateText(build.State, live),
                build.State is RouteBuildState.Cached or RouteBuildState.Queued || elapsed == TimeSpan.Zero
                    ? "-"
                    : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s"),
                Size(build.Artifacts.Bootstrap, build.State),
                Size(build.Artifacts.Zip, build.State),
                build.AotWarnings.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }

    public static string Totals(IReadOnlyList<RouteBuild> builds, TimeSpan total) => string.Create(CultureInfo.InvariantCulture,
        $"{builds.Count(b => b.State == RouteBuildState.Built)} built, {builds.Count(b => b.State == RouteBuildState.Cached)} cached, " +
        $"{builds.Count(b => b.State == RouteBuildState.Failed)} failed, {builds.Sum(b => b.AotWarnings)} AOT warnings in {total.TotalSeconds:0.0} s");

    private static string StateText(RouteBuildState state, bool live) => (state, live) switch
    {
        (RouteBuildState.Built, true) => "[green]built[/]",
        (RouteBuildState.Cached, true) => "[grey]cached[/]",
        (RouteBuildState.Failed, true) => "[red]failed[/]",
        (RouteBuildState.Building, true) => "[yellow]building[/]",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static string Size(string path, RouteBuildState state) =>
        state is RouteBuildState.Built or RouteBuildState.Cached && File.Exists(path) ? Bytes(new FileInfo(path).Length) : "-";

    public static string Bytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB");
}
