using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using LambdaRoutes.Contracts.Manifest;
using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Routing;
using LambdaRoutes.Packager.Tests.Packaging;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Contracts;

/// <summary>
/// docs/manifest.schema.json is the published contract of manifest.json: the manifest of a real build (the "built app"
/// collection's, no extra publish) conforms to it, and the schema is strict enough to refuse what readers could not use.
/// </summary>
[Collection(BuiltAppCollection.Name)]
public sealed class ManifestSchemaTests(BuiltAppFixture built)
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(RepoPaths.Root, "docs", "manifest.schema.json"));

    [Fact]
    public void A_real_builds_manifest_conforms_to_the_published_schema()
    {
        built.AssertBuilt();

        var errors = Errors(BuiltManifest());

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Theory]
    [InlineData("routes", "the routes array", "/routes")]
    [InlineData("zipSha256", "a route's zip hash", "/routes/0")]
    [InlineData("memorySize", "a route's memory size", "/routes/0/settings")]
    public void A_manifest_missing_a_field_its_readers_need_is_refused(string field, string what, string where)
    {
        built.AssertBuilt();
        var manifest = BuiltManifest();

        var parent = where switch
        {
            "/routes" => manifest,
            "/routes/0" => manifest["routes"]![0]!.AsObject(),
            _ => manifest["routes"]![0]!["settings"]!.AsObject(),
        };
        Assert.True(parent.Remove(field), $"the built manifest has no {what} to remove");

        Assert.NotEmpty(Errors(manifest));
    }

    [Fact]
    public void A_method_API_Gateway_does_not_know_and_an_unknown_field_are_refused()
    {
        built.AssertBuilt();
        var badMethod = BuiltManifest();
        badMethod["routes"]![0]!["methods"] = new JsonArray("FETCH");
        var extraField = BuiltManifest();
        extraField["routes"]![0]!["memory"] = 512;

        Assert.NotEmpty(Errors(badMethod));
        Assert.NotEmpty(Errors(extraField));
    }

    [Fact]
    public void Every_optional_setting_the_packager_writes_is_in_the_schema()
    {
        built.AssertBuilt();
        var full = new RouteSettings(512, 30, "2mb", 2 * 1024 * 1024, BodyParser: true, Streaming: true, Cors: "https://a.example",
            ReservedConcurrency: 5, ProvisionedConcurrency: 2, Authorizer: "users", AuthorizationScopes: ["pets/read", "pets/write"]);
        var manifest = BuiltManifest();
        var route = manifest["routes"]![0]!.AsObject();
        route["settings"] = JsonSerializer.SerializeToNode(ManifestRoutes.SettingsOf(full), ManifestJson.Readable.Options);
        var badName = BuiltManifest();
        badName["routes"]![0]!["settings"] = JsonSerializer.SerializeToNode(ManifestRoutes.SettingsOf(full with { Authorizer = "no spaces" }), ManifestJson.Readable.Options);

        Assert.True(route["settings"]!.AsObject().Count == 11, route["settings"]!.ToJsonString());
        var errors = Errors(manifest);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.NotEmpty(Errors(badName));
    }

    [Fact]
    public void An_authorizer_entry_as_the_packager_writes_it_conforms_and_one_with_paths_or_an_api_file_is_refused()
    {
        built.AssertBuilt();
        var entry = new RouteEntry("AuthorizerPartners", "authorizers/partners.cs", "partners", [], [], RouteStyle.Authorizer, "Shop.Authorizers.Partners",
            RouteSettings.For(RouteStyle.Authorizer), []);
        JsonObject WithAuthorizer(Action<JsonObject>? spoil = null)
        {
            var manifest = BuiltManifest();
            var route = manifest["routes"]![0]!;
            var written = new ManifestRouteEntry(ManifestRoutes.From(entry))
            {
                Architecture = (string)route["architecture"]!, Artifact = entry.Id, Bootstrap = entry.Id + "/bootstrap", Zip = entry.Id + ".zip",
                ZipSha256 = (string)route["zipSha256"]!, BootstrapBytes = (long)route["bootstrapBytes"]!, ZipBytes = (long)route["zipBytes"]!,
                InputHash = (string)route["inputHash"]!, Kind = ManifestKinds.Authorizer,
            };
            var node = JsonSerializer.SerializeToNode(written, ManifestJson.Readable.Options)!.AsObject();
            spoil?.Invoke(node);
            manifest["routes"]!.AsArray().Add(node);
            return manifest;
        }

        var errors = Errors(WithAuthorizer());

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.NotEmpty(Errors(WithAuthorizer(a => a["paths"] = new JsonArray("/api/partners"))));
        Assert.NotEmpty(Errors(WithAuthorizer(a => a["file"] = "api/partners.cs")));
        Assert.NotEmpty(Errors(WithAuthorizer(a => a["kind"] = "route")));
    }

    private JsonObject BuiltManifest() => JsonNode.Parse(File.ReadAllText(Path.Combine(built.OutDir, "manifest.json")))!.AsObject();

    private static List<string> Errors(JsonNode manifest)
    {
        using var document = JsonDocument.Parse(manifest.ToJsonString());
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [result])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid")
            .ToList();
    }
}
