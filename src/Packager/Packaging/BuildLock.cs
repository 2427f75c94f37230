namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// A machine-wide lock around the dotnet work of a build. Two packager runs at once (test projects in parallel, a CDK
/// synth beside a manual build) would otherwise race on the obj/ folders of the projects every app shares (the runtime).
/// An exclusive FileStream is an flock on Unix, released by the OS if the process dies, so a crash never leaves it stuck.
/// </summary>
internal sealed class BuildLock : IDisposable
{
    private readonly FileStream _stream;

    private BuildLock(FileStream stream) => _stream = stream;

    public static string DefaultPath => Path.Combine(Path.GetTempPath(), "lambda-routes-build.lock");

    public static async Task<BuildLock> AcquireAsync(Action onWait, string? path = null, CancellationToken cancel = default)
    {
        path ??= DefaultPath;
        var waited = false;
        while (true)
        {
            try
            {
                return new BuildLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                if (!waited)
                {
                    onWait();
                    waited = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), cancel);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
