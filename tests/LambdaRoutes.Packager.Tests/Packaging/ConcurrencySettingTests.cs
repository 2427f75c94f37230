using System.Text.Json;
using LambdaRoutes.Contracts.Manifest;
using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Routing;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>
/// <c>[RouteConfig(ReservedConcurrency, ProvisionedConcurrency)]</c> is for the CDK construct: it goes into the
/// manifest's <c>settings</c> when declared, and never into the generated entry point.
/// </summary>
public sealed class ConcurrencySettingTests
{
    [Fact]
    public void Declared_concurrency_reaches_the_manifest_settings_and_not_the_runtime_options()
    {
        using var app = new TempApp("Busy")
            .Write("api/orders.cs", """
                using LambdaRoutes;
                namespace Busy.Api;
                [RouteConfig(ReservedConcurrency = 10, ProvisionedConcurrency = 2)]
                public sealed class Orders : IApiRoute
                {
                    public System.Threading.Tasks.Task HandleAsync(ApiRequest req, ApiResponse res) { res.Status(204); return System.Threading.Tasks.Task.CompletedTask; }
                }
                """)
            .Write("api/health.cs", """
                using LambdaRoutes;
                namespace Busy.Api;
                public sealed class Health : IApiRoute
                {
                    public System.Threading.Tasks.Task HandleAsync(ApiRequest req, ApiResponse res) { res.Status(204); return System.Threading.Tasks.Task.CompletedTask; }
                }
                """);
        var table = RouteDiscovery.Discover(app.Dir);
        Assert.False(table.HasErrors, string.Join("\n", table.Diagnostics));
        var orders = table.Routes.Single(r => r.Route == "/api/orders");
        var health = table.Routes.Single(r => r.Route == "/api/health");

        using var declared = JsonDocument.Parse(Settings(orders));
        Assert.Equal(10, declared.RootElement.GetProperty("reservedConcurrency").GetInt32());
        Assert.Equal(2, declared.RootElement.GetProperty("provisionedConcurrency").GetInt32());
        Assert.DoesNotContain("Concurrency", Settings(health));
        Assert.DoesNotContain("Concurrency", EntryProjectWriter.Create(table, orders, new BuildOptions(app.Dir)).ProgramText);
    }

    private static string Settings(RouteEntry route) =>
        JsonSerializer.Serialize(ManifestRoutes.SettingsOf(route.Settings), ManifestJson.Readable.ManifestSettings);
}
