using LambdaRoutes.Cdk.Tests.Support;
using LambdaRoutes.Tests;

namespace LambdaRoutes.Cdk.Tests.PublicApi;

/// <summary>
/// Pins the public surface of the LambdaRoutes.Cdk package (what a CDK app writes against: the construct, its props and
/// options, the authorizers, the exception and its diagnostics, the validated manifest it exposes) to a golden file
/// beside this test, like the runtime's packages (tests/LambdaRoutes.Runtime.Tests/PublicApi/). On a difference the test
/// writes the new surface to <c>LambdaRoutes.Cdk.received.txt</c> in the test output folder: review it and copy it over
/// the golden file to accept it.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_surface_matches_the_golden_file() =>
        ApiSurface.AssertMatchesGolden(typeof(LambdaRoutesApi).Assembly,
            Path.Combine(RepositoryRoot.Path, "tests", "LambdaRoutes.Cdk.Tests", "PublicApi", "LambdaRoutes.Cdk.txt"));

    [Fact]
    public void Plumbing_the_construct_drives_itself_is_not_public()
    {
        var exported = typeof(LambdaRoutesApi).Assembly.GetExportedTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        // Reading and checking the manifest, planning the path tree, wiring either API kind and running the packager are
        // steps of LambdaRoutesApi; a CDK app reaches them only through it (LambdaRoutesApi.ReadManifest for the manifest).
        Assert.DoesNotContain("ManifestReader", exported);
        Assert.DoesNotContain("ManifestValidator", exported);
        Assert.DoesNotContain("RouteTreePlanner", exported);
        Assert.DoesNotContain("IApiWiring", exported);
        Assert.DoesNotContain("PackagerRunner", exported);
        Assert.DoesNotContain(exported, name => name.EndsWith("Wiring", StringComparison.Ordinal));
    }
}
