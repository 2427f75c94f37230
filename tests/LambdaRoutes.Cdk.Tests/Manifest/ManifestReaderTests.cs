using System.Text.Json.Nodes;
using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Manifest;
using LambdaRoutes.Cdk.Tests.Support;

namespace LambdaRoutes.Cdk.Tests.Manifest;

public sealed class ManifestReaderTests
{
    [Fact]
    public void Reads_routes_with_settings_and_absolute_artifact_folders()
    {
        using var app = BuiltApp.Create(RouteSpec.EveryShape, architecture: "arm64");

        var manifest = ManifestReader.Read(app.ManifestPath);

        Assert.Equal("arm64", manifest.Architecture);
        Assert.Equal(RouteSpec.EveryShape.Select(r => r.Id), manifest.Routes.Select(r => r.Id));
        var users = manifest.Routes.Single(r => r.Id == "ApiUsersId");
        Assert.Equal((1024, 15), (users.MemorySize, users.Timeout));
        Assert.Equal(Path.Combine(app.Directory, "ApiUsersId"), users.ArtifactDirectory);
        var docs = manifest.Routes.Single(r => r.Id == "ApiDocsSlugOptionalCatchAll");
        Assert.Equal(["/api/docs", "/api/docs/{proxy+}"], docs.Paths);
        Assert.Null(docs.MemorySize);
    }

    [Fact]
    public void A_missing_manifest_says_how_to_build_one()
    {
        var error = Assert.Throws<LambdaRoutesException>(() => ManifestReader.Read("/nonexistent/manifest.json"));

        Assert.Equal(DiagnosticCodes.ManifestUnreadable, Assert.Single(error.Diagnostics).Code);
        Assert.Contains("lambda-routes build", error.Message);
    }

    [Fact]
    public void Invalid_json_is_reported_with_the_manifest_path()
    {
        using var app = BuiltApp.Create(RouteSpec.EveryShape);
        File.WriteAllText(app.ManifestPath, "{ \"schemaVersion\": 1, ");

        var error = Assert.Throws<LambdaRoutesException>(() => ManifestReader.Read(app.ManifestPath));

        Assert.Contains(app.ManifestPath, error.Message);
        Assert.Contains("invalid JSON", error.Message);
    }

    [Fact]
    public void Reports_every_bad_route_at_once_naming_file_and_route()
    {
        using var app = BuiltApp.Create(RouteSpec.EveryShape, edit: manifest =>
        {
            var routes = manifest["routes"]!.AsArray();
            routes[0]!["settings"]!["memorySize"] = 64;
            routes[1]!["methods"] = new JsonArray("get");
            routes[2]!["id"] = "Api";
            routes[3]!.AsObject().Remove("paths");
            routes[4]!["settings"]!["timeout"] = 901;
        });
        File.Delete(Path.Combine(app.Directory, "ApiDocsSlugOptionalCatchAll", "bootstrap"));

        var error = Assert.Throws<LambdaRoutesException>(() => ManifestReader.Read(app.ManifestPath));

        Assert.Equal(
            [
                (DiagnosticCodes.InvalidMemorySize, "api/index.cs"),
                (DiagnosticCodes.InvalidMethod, "api/hello.cs"),
                (DiagnosticCodes.DuplicateId, "api/users/[id].cs"),
                (DiagnosticCodes.MissingField, "api/users/[id]/posts/[postId].cs"),
                (DiagnosticCodes.InvalidTimeout, "api/posts/[...slug].cs"),
                (DiagnosticCodes.MissingArtifact, "api/docs/[[...slug]].cs"),
            ],
            error.Diagnostics.Select(d => (d.Code, d.File!)));
        Assert.Contains("LRC112 api/users/[id].cs (/api/users/[id]): id 'Api' is also used by api/index.cs.", error.Message);
        Assert.StartsWith("LambdaRoutes: 6 problems in ", error.Message);
    }

    [Fact]
    public void A_bootstrap_without_the_execute_bit_is_rejected()
    {
        using var app = BuiltApp.Create(RouteSpec.EveryShape);
        var bootstrap = Path.Combine(app.Directory, "ApiHello", "bootstrap");
        File.SetUnixFileMode(bootstrap, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = Assert.Throws<LambdaRoutesException>(() => ManifestReader.Read(app.ManifestPath));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((DiagnosticCodes.MissingArtifact, "api/hello.cs"), (diagnostic.Code, diagnostic.File));
        Assert.Contains("not executable", diagnostic.Message);
    }

    [Theory]
    [InlineData("schemaVersion", "2", "LRC101")]
    [InlineData("architecture", "\"mips\"", "LRC102")]
    [InlineData("runtime", "\"dotnet8\"", "LRC103")]
    public void Rejects_what_this_construct_cannot_deploy(string field, string jsonValue, string code)
    {
        using var app = BuiltApp.Create(RouteSpec.EveryShape, edit: m => m[field] = JsonNode.Parse(jsonValue));

        var error = Assert.Throws<LambdaRoutesException>(() => ManifestReader.Read(app.ManifestPath));

        Assert.Equal(code, Assert.Single(error.Diagnostics).Code);
    }

    [Fact]
    public void An_entry_that_says_it_is_a_route_is_read_and_one_of_another_kind_is_refused()
    {
        using var routeKind = BuiltApp.Create(RouteSpec.EveryShape, edit: m => m["routes"]![0]!["kind"] = "route");
        using var otherKind = BuiltApp.Create(RouteSpec.EveryShape, edit: m => m["routes"]![1]!["kind"] = "queue");

        var read = ManifestReader.Read(routeKind.ManifestPath);
        var error = Assert.Throws<LambdaRoutesException>(() => ManifestReader.Read(otherKind.ManifestPath));

        Assert.Equal(RouteSpec.EveryShape.Length, read.Routes.Count);
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((DiagnosticCodes.MissingField, "api/hello.cs"), (diagnostic.Code, diagnostic.File));
        Assert.Contains("kind 'queue'", diagnostic.Message);
    }

    [Fact]
    public void An_empty_route_list_is_an_error()
    {
        using var app = BuiltApp.Create([]);

        var error = Assert.Throws<LambdaRoutesException>(() => ManifestReader.Read(app.ManifestPath));

        Assert.Equal(DiagnosticCodes.NoRoutes, Assert.Single(error.Diagnostics).Code);
    }
}
