namespace LambdaRoutes.Cdk.Tests.Support;

/// <summary>
/// A uniquely named folder under the system temp path, owned by one test object and deleted with it. It is not created
/// here: <c>cdk synth --output</c> and the CDK app create their own.
/// </summary>
public sealed class TempDirectory(string prefix) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        // Best effort: a folder that is already gone, or held open for a moment, must not fail a test that passed.
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
