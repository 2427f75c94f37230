using LambdaRoutes.Cdk;
using LambdaRoutes.Local.Gateway;
using LambdaRoutes.Packager.Dev.Hosting;

namespace LambdaRoutes.Packager.Dev;

/// <summary>The start-up banner: mode, flavour, and every route with its local URL(s), in precedence order.</summary>
internal static class RouteTablePrinter
{
    public static void Print(Action<string> log, Uri baseAddress, IRouteHost host, DevOptions options)
    {
        var flavor = options.Flavor == ApiKind.Rest ? "REST API (payload v1, stage prod)" : "HTTP API (payload 2.0, $default stage)";
        log($"lambda-routes dev: {host.Mode}, {flavor}, listening on {baseAddress}");
        var routes = host.Routes.Routes;
        var width = routes.Count == 0 ? 0 : routes.Max(r => string.Join(",", r.Methods).Length);
        foreach (var route in routes)
        {
            foreach (var path in route.Paths)
            {
                var url = new Uri(baseAddress, path.TrimStart('/')).ToString().Replace("%7B", "{").Replace("%7D", "}");
                log($"  {string.Join(",", route.Methods).PadRight(width)}  {url}  → {route.Id} ({route.File}, {route.TimeoutSeconds} s, {route.MemorySize} MB)");
            }
        }

        log($"{routes.Count} routes; Ctrl+C to stop");
    }
}
