using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>
/// Builds <see cref="ShopApp"/> once with real Native AOT publishes; every test of the "built app" collection reads
/// the same artifacts, so the suite pays for two AOT publishes, not two per test.
/// </summary>
public sealed class BuiltAppFixture : IAsyncLifetime
{
    private TempApp? _app;

    public string AppDir => _app?.Dir ?? throw new InvalidOperationException("not built");

    public string OutDir => Path.Combine(AppDir, ".lambda-routes", "out");

    internal CliResult Build { get; private set; } = new(-1, "", "");

    public async Task InitializeAsync()
    {
        _app = ShopApp.Create();
        Build = await CliRun.RunAsync("build", _app.Dir, "--jobs", "2");
    }

    public Task DisposeAsync()
    {
        _app?.Dispose();
        return Task.CompletedTask;
    }

    internal void AssertBuilt()
    {
        Assert.True(Build.ExitCode == 0, $"build failed ({Build.ExitCode}):\n{Build.Stdout}\n{Build.Stderr}");
    }
}

[CollectionDefinition(Name)]
public sealed class BuiltAppCollection : ICollectionFixture<BuiltAppFixture>
{
    public const string Name = "built app";
}
