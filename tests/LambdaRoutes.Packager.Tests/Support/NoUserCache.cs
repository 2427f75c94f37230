using System.Runtime.CompilerServices;
using LambdaRoutes.Packager.Caching;

namespace LambdaRoutes.Packager.Tests.Support;

/// <summary>
/// The CLI's builds in these tests use no artifact cache unless a test names one: a build test must see its own compile and
/// publishes, and no test may fill the user's cache folder (or be served from it). The cache's own tests pass theirs explicitly.
/// </summary>
internal static class NoUserCache
{
    [ModuleInitializer]
    internal static void Initialize() => Environment.SetEnvironmentVariable(CacheSetting.EnvironmentVariable, CacheSetting.Off);
}
