namespace LambdaRoutes.Cdk.Manifest;

/// <summary>What the validator needs to know about an artifact folder; a seam for tests.</summary>
internal interface IArtifactProbe
{
    /// <summary>Describes <c>bootstrap</c> inside <paramref name="artifactDirectory"/>.</summary>
    BootstrapState Probe(string artifactDirectory);
}

internal enum BootstrapState
{
    Executable,
    FolderMissing,
    BootstrapMissing,
    NotExecutable,
}

internal sealed class FileSystemArtifactProbe : IArtifactProbe
{
    public BootstrapState Probe(string artifactDirectory)
    {
        if (!Directory.Exists(artifactDirectory))
        {
            return BootstrapState.FolderMissing;
        }

        var bootstrap = Path.Combine(artifactDirectory, "bootstrap");
        if (!File.Exists(bootstrap))
        {
            return BootstrapState.BootstrapMissing;
        }

        // Lambda execs `bootstrap` directly; without the user-execute bit the zip CDK makes would fail at
        // init with "permission denied". Windows has no such bit, so there it cannot be checked.
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(bootstrap) & UnixFileMode.UserExecute) == 0)
        {
            return BootstrapState.NotExecutable;
        }

        return BootstrapState.Executable;
    }
}
