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
                StateText(build, live),
                build.State is RouteBuildState.Cached or RouteBuildState.Queued || elapsed == TimeSpan.Zero
                    ? "-"
                    : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s"),
                Size(build.Artifacts.Bootstrap, build.State),
                Size(build.Artifacts.Zip, build.State),
                build.AotWarnings.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }

    /// <summary><c>3 built, 2 cached, 0 failed, …</c>; with <c>, 4 restored</c> after "built" when the artifact cache served routes.</summary>
    public static string Totals(IReadOnlyList<RouteBuild> builds, TimeSpan total) => string.Create(CultureInfo.InvariantCulture,
        $"{builds.Count(b => b.State == RouteBuildState.Built && !b.FromCache)} built{Restored(builds)}, {builds.Count(b => b.State == RouteBuildState.Cached)} cached, " +
        $"{builds.Count(b => b.State == RouteBuildState.Failed)} failed, {builds.Sum(b => b.AotWarnings)} AOT warnings in {total.TotalSeconds:0.0} s");

    private static string Restored(IReadOnlyList<RouteBuild> builds) =>
        builds.Count(b => b.FromCache) is > 0 and var restored ? string.Create(CultureInfo.InvariantCulture, $", {restored} restored") : "";

    /// <summary>A route whose bootstrap came from the artifact cache is "restored": it was not compiled here.</summary>
    private static string StateText(RouteBuild build, bool live) => (build.State, build.FromCache, live) switch
    {
        (RouteBuildState.Built, true, true) => "[blue]restored[/]",
        (RouteBuildState.Built, true, false) => "restored",
        (RouteBuildState.Built, _, true) => "[green]built[/]",
        (RouteBuildState.Cached, _, true) => "[grey]cached[/]",
        (RouteBuildState.Failed, _, true) => "[red]failed[/]",
        (RouteBuildState.Building, _, true) => "[yellow]building[/]",
        _ => build.State.ToString().ToLowerInvariant(),
    };

    private static string Size(string path, RouteBuildState state) =>
        state is RouteBuildState.Built or RouteBuildState.Cached && File.Exists(path) ? Bytes(new FileInfo(path).Length) : "-";

    public static string Bytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB");
}
