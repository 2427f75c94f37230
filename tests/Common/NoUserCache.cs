using System.Runtime.CompilerServices;

namespace LambdaRoutes.Tests.Common;

/// <summary>
/// Every <c>lambda-routes build</c> these tests start (in process, as a CLI, or through <c>cdk synth</c>) uses no artifact
/// cache unless a test names one: a build test must see its own compile and publishes, so a run never depends on what an
/// earlier run left in the machine's cache folder, and no test fills the user's cache. The cache's own tests pass theirs
/// explicitly. The variable is the packager's <c>LAMBDA_ROUTES_CACHE</c> (docs/packager.md); child processes inherit it.
/// </summary>
internal static class NoUserCache
{
    [ModuleInitializer]
    internal static void Initialize() => Environment.SetEnvironmentVariable("LAMBDA_ROUTES_CACHE", "off");
}
