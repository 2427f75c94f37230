using LambdaRoutes.Cdk;
using System.CommandLine;
using System.Text.Json;
using LambdaRoutes.Contracts.Diagnostics;
using LambdaRoutes.Contracts.Manifest;
using LambdaRoutes.Packager.Diagnostics;
using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Routing;
using Spectre.Console;

namespace LambdaRoutes.Packager.Commands;

/// <summary><c>lambda-routes routes &lt;appDir&gt; [--json] [--api http|rest]</c>: the route table in precedence order, or its errors.</summary>
internal static class RoutesCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var appDir = CommonOptions.AppDir();
        var json = new Option<bool>("--json") { Description = "Print the route table as a JSON array." };
        var api = CommonOptions.Api();
        var command = new Command("routes", "List the routes of an app's api/ folder in precedence order.") { appDir, json, api };
        command.SetAction(parse => Run(parse.GetRequiredValue(appDir), parse.GetValue(json), parse.GetValue(api), stdout, stderr));
        return command;
    }

    public static int Run(string appDir, bool json, ApiKind api, TextWriter stdout, TextWriter stderr)
    {
        var table = RouteDiscovery.Discover(appDir, new DiscoveryOptions(api));
        DiagnosticPrinter.Print(table.Diagnostics, stderr);
        if (table.HasErrors)
        {
            return 1;
        }

        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(table.Routes.Select(ManifestRoutes.From).ToList(), ManifestJson.Readable.IReadOnlyListManifestRoute));
            return 0;
        }

        var console = Terminal.For(stdout);
        var grid = new Table().Border(TableBorder.Simple).AddColumns("Route", "File", "API Gateway paths", "Methods", "Id");
        foreach (var route in table.Routes)
        {
            grid.AddRow(Markup.Escape(route.Route), Markup.Escape(route.File), Markup.Escape(string.Join(" ", route.Paths)),
                string.Join(",", route.Methods), route.Id);
        }

        console.Write(grid);
        stdout.WriteLine($"{table.Routes.Count} routes in {table.AppName}");
        return 0;
    }
}
