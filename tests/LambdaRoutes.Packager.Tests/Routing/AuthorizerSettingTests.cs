using System.Text.Json;
using LambdaRoutes.Contracts.Manifest;
using LambdaRoutes.Contracts.Diagnostics;
using LambdaRoutes.Packager.Diagnostics;
using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Tests.Routing;

/// <summary><c>[RouteConfig(Authorizer = …, AuthorizationScopes = …)]</c>: read from source, refused with file:line when malformed, written to the manifest's settings.</summary>
public sealed class AuthorizerSettingTests
{
    private static (RouteType? Type, IReadOnlyList<Diagnostic> Diagnostics) Read(string source) => RouteTypeReaderTests.Read(source);

    [Fact]
    public void Reads_the_authorizer_and_its_scopes()
    {
        var (type, diagnostics) = Read("[RouteConfig(Authorizer = \"users\", AuthorizationScopes = \"pets/read  pets/write\")] public class R : IApiRoute { }");

        Assert.Empty(diagnostics);
        Assert.Equal("users", type!.Settings.Authorizer);
        Assert.Equal(["pets/read", "pets/write"], type.Settings.AuthorizationScopes);
    }

    [Fact]
    public void A_route_that_chooses_nothing_leaves_both_out_of_the_manifest()
    {
        var (type, _) = Read("public class R : IApiRoute { }");
        var json = JsonSerializer.Serialize(ManifestRoutes.SettingsOf(type!.Settings), ManifestJson.Readable.ManifestSettings);

        Assert.DoesNotContain("authorizer", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("authorizationScopes", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_route_says_none_and_the_manifest_carries_it()
    {
        var (type, _) = Read("[RouteConfig(Authorizer = \"none\")] public class R : IApiRoute { }");
        var json = JsonDocument.Parse(JsonSerializer.Serialize(ManifestRoutes.SettingsOf(type!.Settings), ManifestJson.Readable.ManifestSettings));

        Assert.Equal("none", json.RootElement.GetProperty("authorizer").GetString());
    }

    [Theory]
    [InlineData("Authorizer = \"my authorizer\"")]
    [InlineData("Authorizer = \"\"")]
    [InlineData("Authorizer = \"a.b\"")]
    public void A_malformed_authorizer_name_is_LR2005_at_its_line(string argument)
    {
        var (type, diagnostics) = Read($"\n[RouteConfig({argument})] public class R : IApiRoute {{ }}");

        Assert.Null(type);
        var error = Assert.Single(diagnostics);
        Assert.Equal("LR2005", error.Code);
        Assert.Contains("declared in the CDK construct", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Locations.Single().Line);
    }
}
