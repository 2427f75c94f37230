namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// Turns a published binary into one route's artifacts (docs/packager.md): <c>&lt;out&gt;/&lt;Id&gt;/bootstrap</c> (mode 0755),
/// <c>&lt;out&gt;/&lt;Id&gt;.zip</c>, the list of its inputs, and last the stamp that marks them up to date. In single-binary mode a <c>route</c>
/// file beside the bootstrap tells the shared binary which route this Lambda serves.
/// </summary>
internal static class ArtifactWriter
{
    public const string RouteSelectorFile = "route";

    public static void Write(string publishedBootstrap, RouteBuild build, bool withRouteSelector)
    {
        var artifacts = build.Staged; // promoted over build.Artifacts by BuildPipeline once every route has built
        Directory.CreateDirectory(artifacts.Folder);
        File.Delete(artifacts.Stamp);
        File.Copy(publishedBootstrap, artifacts.Bootstrap, overwrite: true);
        MakeExecutable(artifacts.Bootstrap);

        var selector = Path.Combine(artifacts.Folder, RouteSelectorFile);
        if (withRouteSelector)
        {
            File.WriteAllText(selector, build.Route.Id + "\n");
        }
        else
        {
            File.Delete(selector);
        }

        ZipWriter.Write(artifacts.Folder, artifacts.Zip);
        File.WriteAllText(artifacts.InputList, build.Inputs.ToText());
        File.WriteAllText(artifacts.Stamp, build.InputHash);
    }

    /// <summary>Mode 0755: a custom runtime's bootstrap must be executable.</summary>
    public static void MakeExecutable(string bootstrap)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bootstrap,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }
}
