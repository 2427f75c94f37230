using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaRoutes.Cdk.Tests.Support;

/// <summary>
/// What `lambda-routes build` leaves behind, written into a temp folder: manifest.json and an executable
/// bootstrap per route, laid out as docs/architecture.md fixes it.
/// </summary>
public sealed class BuiltApp : IDisposable
{
    private readonly TempDirectory _directory = new("lr-cdk");

    private BuiltApp() => System.IO.Directory.CreateDirectory(Directory);

    public string Directory => _directory.Path;

    public string ManifestPath => Path.Combine(Directory, "manifest.json");

    public static BuiltApp Create(IEnumerable<RouteSpec> routes, string architecture = "x86_64", Action<JsonObject>? edit = null)
    {
        var app = new BuiltApp();
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 1,
            ["app"] = "Fixture",
            ["appProject"] = "../Fixture.csproj",
            ["framework"] = "net8.0",
            ["architecture"] = architecture,
            ["runtime"] = "provided.al2023",
            ["routes"] = new JsonArray(routes.Select(app.WriteRoute).ToArray<JsonNode?>()),
        };
        edit?.Invoke(manifest);
        File.WriteAllText(app.ManifestPath, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return app;
    }

    private JsonObject WriteRoute(RouteSpec route)
    {
        var artifact = Path.Combine(Directory, route.Id);
        System.IO.Directory.CreateDirectory(artifact);
        var bootstrap = Path.Combine(artifact, "bootstrap");
        // Distinct content per route, so each function gets its own asset hash.
        File.WriteAllText(bootstrap, $"#!/bin/sh\n# {route.Route}\nexit 0\n");
        File.SetUnixFileMode(bootstrap, (UnixFileMode)0b111_101_101);

        var settings = new JsonObject { ["bodySizeLimit"] = "1mb", ["bodyParser"] = true };
        if (route.MemorySize is { } memory) settings["memorySize"] = memory;
        if (route.Timeout is { } timeout) settings["timeout"] = timeout;
        if (route.ReservedConcurrency is { } reserved) settings["reservedConcurrency"] = reserved;
        if (route.ProvisionedConcurrency is { } provisioned) settings["provisionedConcurrency"] = provisioned;
        return new JsonObject
        {
            ["id"] = route.Id,
            ["file"] = route.File,
            ["route"] = route.Route,
            ["paths"] = new JsonArray(route.Paths.Select(p => (JsonNode?)p).ToArray()),
            ["methods"] = new JsonArray(route.MethodList.Select(m => (JsonNode?)m).ToArray()),
            ["style"] = route.Methods is null ? "handler" : "verbs",
            ["handler"] = "Fixture.Api." + route.Id,
            ["settings"] = settings,
            ["artifact"] = route.Id,
            ["bootstrap"] = route.Id + "/bootstrap",
            ["zip"] = route.Id + ".zip",
        };
    }

    public void Dispose() => _directory.Dispose();
}
