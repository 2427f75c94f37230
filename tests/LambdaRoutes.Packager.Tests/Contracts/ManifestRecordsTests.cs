using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LambdaRoutes.Contracts.Manifest;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Contracts;

/// <summary>
/// The manifest records (src/Contracts/Manifest), which the packager writes and the construct reads, and the published
/// docs/manifest.schema.json name the same fields at every level: a field added to one and not the other fails here,
/// without a build. ManifestSchemaTests checks a real build's values against the schema.
/// </summary>
public sealed class ManifestRecordsTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "manifest.schema.json")))!;

    [Theory]
    [InlineData("manifest", "/properties")]
    [InlineData("route", "/$defs/route/properties")]
    [InlineData("settings", "/$defs/settings/properties")]
    public void The_records_and_the_published_schema_name_the_same_fields(string level, string schemaPointer)
    {
        var written = Fields(level switch
        {
            "manifest" => ManifestJson.Readable.ManifestDocument,
            "route" => ManifestJson.Readable.ManifestRouteEntry,
            _ => ManifestJson.Readable.ManifestSettings,
        });
        var published = SchemaNode(schemaPointer).AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(published, written);
    }

    [Fact]
    public void A_route_entry_writes_no_kind_and_reads_back_as_a_route()
    {
        var route = new ManifestRoute("ApiHello", "api/hello.cs", "/api/hello", ["/api/hello"], ["GET"], "verbs", "App.Hello",
            new ManifestSettings(256, 10, null, null, BodyParser: true));
        var entry = new ManifestRouteEntry(route)
        {
            Architecture = "x86_64", Artifact = "ApiHello", Bootstrap = "ApiHello/bootstrap", Zip = "ApiHello.zip",
            ZipSha256 = new string('a', 64), BootstrapBytes = 1, ZipBytes = 1, InputHash = new string('b', 64),
        };

        var json = JsonSerializer.Serialize(entry, ManifestJson.Readable.ManifestRouteEntry);
        var read = JsonSerializer.Deserialize(json, ManifestJson.Lenient.ManifestRouteEntry)!;
        var otherKind = JsonSerializer.Deserialize(json.Replace("\"id\":", "\"kind\": \"authorizer\", \"id\":", StringComparison.Ordinal),
            ManifestJson.Lenient.ManifestRouteEntry)!;

        Assert.False(JsonNode.Parse(json)!.AsObject().ContainsKey("kind"), json);
        Assert.Equal(ManifestKinds.Route, ManifestKinds.Of(read));
        Assert.Equal("authorizer", ManifestKinds.Of(otherKind));
    }

    private static List<string> Fields(JsonTypeInfo type) => type.Properties.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

    private static JsonNode SchemaNode(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(Schema, (node, key) => node[key]!);
}
