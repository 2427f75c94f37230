namespace LambdaRoutes.Packager.Tests.Support;

/// <summary>
/// Builds one copy of <see cref="ShopApp"/> once with the given <c>build</c> arguments (real Native AOT publishes); the
/// tests of a class read the same artifacts.
/// </summary>
public abstract class ShopBuildFixture(string appName, params string[] buildArguments) : IAsyncLifetime
{
    private TempApp? _app;

    public string OutDir => Path.Combine(_app?.Dir ?? "", ".lambda-routes", "out");

    internal CliResult Build { get; private set; } = new(-1, "", "");

    public async Task InitializeAsync()
    {
        _app = ShopApp.Create(appName);
        Build = await CliRun.RunAsync(["build", _app.Dir, .. buildArguments]);
    }

    public Task DisposeAsync()
    {
        _app?.Dispose();
        return Task.CompletedTask;
    }

    internal void AssertBuilt() => Assert.True(Build.ExitCode == 0, $"build failed ({Build.ExitCode}):\n{Build.Stdout}\n{Build.Stderr}");
}
