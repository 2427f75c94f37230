using System.Reflection;

namespace LambdaRoutes.Runtime.Tests.PublicApi;

/// <summary>
/// Pins the public surface of each package users code against (the runtime, the Testing kit, the shared contracts) and of
/// the lambda-routes tool's assembly to golden files beside this test, so a change to what users write against is a
/// deliberate, reviewed diff. On a difference the test writes the new surface to <c>&lt;assembly&gt;.received.txt</c>
/// in the test output folder: review it and copy it over the golden file to accept it.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Packages() => new() { "LambdaRoutes.Runtime", "LambdaRoutes.Testing", "LambdaRoutes.Contracts" };

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_public_surface_matches_the_golden_file(string assemblyName) =>
        ApiSurface.AssertMatchesGolden(Assembly.Load(assemblyName),
            Path.Combine(Fixtures.RepositoryRoot, "tests", "LambdaRoutes.Runtime.Tests", "PublicApi", assemblyName + ".txt"));

    [Fact]
    public void Plumbing_other_parts_drive_is_not_public()
    {
        var runtime = typeof(IApiRoute).Assembly;
        // Reached through InternalsVisibleTo by the Testing kit, the dev server and the bench, never by a route.
        Assert.False(runtime.GetType("LambdaRoutes.RouteInvoker", throwOnError: true)!.IsPublic);
        Assert.DoesNotContain(runtime.GetExportedTypes(), t => t.Name is "Results" or "InvocationLoop" or "IInvocationHandler");
    }
}
